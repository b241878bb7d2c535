package dev.interfeedback.model.batch;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelInfo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers each distinct request of a model that is not batched once per run, when some other model
 * is: the session's dry passes run the whole benchmark again for every wave, and without a
 * response cache serving this model (the cache off, or sampling that is not deterministic) each
 * pass would ask it again, and a sampling model could answer each pass differently. A failed call
 * is remembered too: the real run sees the error the passes saw. Without batch models it passes
 * every call through and keeps nothing; with them it keeps the model's answers of the run in
 * memory (their texts and token counts).
 */
public final class RunMemo implements ChatModel {

    private record Answer(ChatResponse response, ModelException error) {}

    private final ChatModel delegate;
    private final BatchSession session;
    private final Map<ChatRequest, Answer> answers = new ConcurrentHashMap<>();

    public RunMemo(ChatModel delegate, BatchSession session) {
        this.delegate = delegate;
        this.session = session;
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws ModelException {
        if (!session.used()) return delegate.chat(request);
        Answer known = answers.get(request);
        if (known == null) {
            try {
                known = new Answer(delegate.chat(request), null);
            } catch (ModelException e) {
                known = new Answer(null, e);
            }
            answers.putIfAbsent(request, known);
        }
        if (known.error() != null) throw known.error();
        return known.response();
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }
}
