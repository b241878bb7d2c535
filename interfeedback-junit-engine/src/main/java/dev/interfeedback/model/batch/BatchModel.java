package dev.interfeedback.model.batch;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelInfo;

/**
 * A model whose calls go through a batch engine (see {@link BatchSession}): a call whose answer a
 * batch brought is answered from it, a line that failed in a batch and retries synchronously is
 * sent through the synchronous client; any other call is deferred to the next wave and fails for
 * now with {@link DeferredCallException}, which only the session's dry passes see.
 */
public final class BatchModel implements ChatModel {

    private final BatchTarget target;
    private final ModelInfo info;
    private final BatchSession session;

    public BatchModel(BatchTarget target, ModelInfo info, BatchSession session) {
        this.target = target;
        this.info = info;
        this.session = session;
        session.register(target);
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws ModelException {
        BatchSession.Line line = BatchSession.Line.of(target.api().line(request));
        BatchSession.Outcome outcome = session.outcome(line.customId());
        if (outcome != null) return outcome.answer();
        if (target.retry() == BatchTarget.Retry.SYNC) {
            ChatResponse retried = session.retrySynchronously(target, line.customId(), request);
            if (retried != null) return retried;
        }
        session.defer(target.alias(), line);
        throw new DeferredCallException(target.alias());
    }

    @Override
    public ModelInfo info() {
        return info;
    }
}
