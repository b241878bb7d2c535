package dev.interfeedback.model.resilience;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelHttpException;
import dev.interfeedback.model.ModelInfo;

/**
 * Holds a slot of the endpoint's {@link AdaptiveLimiter} for each call, and tells it how the call
 * went: a 429's {@code Retry-After} pauses the endpoint, for no longer than the policy's cap. Once
 * the endpoint's answers say what is left of its quota, the call also waits for its turn at the
 * endpoint's {@link QuotaPacer}.
 */
public final class LimitedModel implements ChatModel {

    private final ChatModel delegate;
    private final AdaptiveLimiter limiter;
    private final RetryPolicy policy;

    public LimitedModel(ChatModel delegate, AdaptiveLimiter limiter, RetryPolicy policy) {
        this.delegate = delegate;
        this.limiter = limiter;
        this.policy = policy;
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
            limiter.pacer().awaitTurn();
        } catch (InterruptedException e) {
            permit.failed();
            Thread.currentThread().interrupt();
            throw new ModelException("interrupted while waiting for a free slot at " + limiter.name(), e);
        }
        try {
            ChatResponse response = delegate.chat(request);
            permit.success();
            return response;
        } catch (ModelHttpException e) {
            if (e.rateLimited()) permit.rateLimited(policy.capped(e.retryAfter()));
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
