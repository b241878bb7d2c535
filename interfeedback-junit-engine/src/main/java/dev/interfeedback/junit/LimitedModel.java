package dev.interfeedback.junit;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelInfo;
import java.util.concurrent.Semaphore;
import org.junit.platform.engine.CancellationToken;

/**
 * A model that waits for a permit of its endpoint before each call, and makes no call once the
 * run is cancelled (fail-fast): the sample then ends as an error, never as a wrong answer.
 */
final class LimitedModel implements ChatModel {

    private final ChatModel model;
    private final Semaphore permits;
    private final CancellationToken cancellation;

    LimitedModel(ChatModel model, Semaphore permits, CancellationToken cancellation) {
        this.model = model;
        this.permits = permits;
        this.cancellation = cancellation;
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws ModelException {
        stopIfCancelled();
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(model.info().alias() + ": interrupted while waiting for its endpoint", e);
        }
        try {
            // Checked again: the run may have been cancelled while this call waited its turn.
            stopIfCancelled();
            return model.chat(request);
        } finally {
            permits.release();
        }
    }

    private void stopIfCancelled() throws ModelException {
        if (cancellation.isCancellationRequested()) {
            throw new ModelException(model.info().alias() + ": not called, the run was cancelled");
        }
    }

    @Override
    public ModelInfo info() {
        return model.info();
    }
}
