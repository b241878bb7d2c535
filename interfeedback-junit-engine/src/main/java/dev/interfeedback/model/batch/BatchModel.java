package dev.interfeedback.model.batch;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.openai.OpenAiBatchApi;

/**
 * A model whose calls go through the OpenAI Batch API (see {@link BatchSession}): a call whose
 * answer a batch brought is answered from it; any other call is deferred to the next wave and
 * fails for now with {@link DeferredCallException}, which only the session's dry passes see.
 */
public final class BatchModel implements ChatModel {

    private final String alias;
    private final ModelInfo info;
    private final OpenAiBatchApi api;
    private final BatchSession session;

    public BatchModel(String alias, ModelInfo info, OpenAiBatchApi api, BatchSession session) {
        this.alias = alias;
        this.info = info;
        this.api = api;
        this.session = session;
        session.register(alias, api);
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws ModelException {
        BatchSession.Line line = BatchSession.Line.of(api.line(request));
        BatchSession.Outcome outcome = session.outcome(line.customId());
        if (outcome != null) return outcome.answer();
        session.defer(alias, line);
        throw new DeferredCallException(alias);
    }

    @Override
    public ModelInfo info() {
        return info;
    }
}
