package dev.interfeedback.model.resilience;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelHttpException;
import dev.interfeedback.model.ModelInfo;

/** Holds a slot of the endpoint's {@link AdaptiveLimiter} for each call, and tells it how the call went. */
public final class LimitedModel implements ChatModel {

    private final ChatModel delegate;
    private final AdaptiveLimiter limiter;

    public LimitedModel(ChatModel delegate, AdaptiveLimiter limiter) {
        this.delegate = delegate;
        this.limiter = limiter;
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws ModelException {
        AdaptiveLimiter.Permit permit;
        try {
            permit = limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("interrupted while waiting for a free slot at " + limiter.name(), e);
        }
        try {
            ChatResponse response = delegate.chat(request);
            permit.success();
            return response;
        } catch (ModelHttpException e) {
            if (e.rateLimited()) permit.rateLimited(e.retryAfter());
            else permit.failed();
            throw e;
        } catch (ModelException | RuntimeException | Error e) {
            permit.failed();
            throw e;
        }
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }

    public AdaptiveLimiter limiter() {
        return limiter;
    }
}
