package dev.interfeedback.model.batch;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Usage;
import dev.interfeedback.model.UsageMeter;

/**
 * Counts the tokens of one role's batch model that are billed at the batch discount: every answer
 * but those of lines retried synchronously. It sits outside the response cache, so answers
 * replayed from it count too, as they do in the role's tokens (in file mode, the waves a run
 * before read back come from the cache). The session resets it before each dry pass; the last pass
 * asks every call of the run (journaled episodes included), so after the passes it holds the run's
 * batch tokens. The run proper, which asks the same calls again, is not counted.
 */
public final class BatchUsageMeter implements ChatModel {

    private final ChatModel delegate;
    private final BatchTarget target;
    private final BatchSession session;
    private volatile UsageMeter meter = new UsageMeter();

    public BatchUsageMeter(ChatModel delegate, BatchTarget target, BatchSession session) {
        this.delegate = delegate;
        this.target = target;
        this.session = session;
        session.register(this);
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws ModelException {
        ChatResponse response = delegate.chat(request);
        if (session.inDryPass()) {
            // Only a synchronous retry answers outside a batch; without it, looking the line up
            // (its whole body encoded and digested again, images included) would tell nothing.
            if (target.retry() != BatchTarget.Retry.SYNC || answeredByABatch(request)) meter.add(response.usage());
        }
        return response;
    }

    private boolean answeredByABatch(ChatRequest request) throws ModelException {
        BatchSession.Outcome outcome = session.outcome(BatchSession.Line.of(target.api().line(request)).customId());
        return outcome == null || outcome.batched();
    }

    /** The tokens of batch answers in the last dry pass. */
    public Usage usage() {
        return meter.total();
    }

    void reset() {
        meter = new UsageMeter();
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }
}
