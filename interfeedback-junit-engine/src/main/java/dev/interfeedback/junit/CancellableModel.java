package dev.interfeedback.junit;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelInfo;
import org.junit.platform.engine.CancellationToken;

/**
 * A model that makes no call once the run is cancelled (fail-fast): the sample then ends as an
 * error, never as a wrong answer.
 */
final class CancellableModel implements ChatModel {

    private final ChatModel model;
    private final CancellationToken cancellation;

    CancellableModel(ChatModel model, CancellationToken cancellation) {
        this.model = model;
        this.cancellation = cancellation;
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws ModelException {
        if (cancellation.isCancellationRequested()) {
            throw new ModelException(model.info().alias() + ": not called, the run was cancelled");
        }
        return model.chat(request);
    }

    @Override
    public ModelInfo info() {
        return model.info();
    }
}
