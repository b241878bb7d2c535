package dev.interfeedback.model.resilience;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelHttpException;
import dev.interfeedback.model.ModelInfo;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tries a call again after 429, 5xx, timeouts and dropped connections, as {@link RetryPolicy}
 * says; never after other 4xx, which would fail the same way. Sits outside the limiter, so a
 * caller waiting to retry holds no slot.
 */
public final class RetryingModel implements ChatModel {

    private final ChatModel delegate;
    private final RetryPolicy policy;
    private final CallStats stats;

    public RetryingModel(ChatModel delegate, RetryPolicy policy, CallStats stats) {
        this.delegate = delegate;
        this.policy = policy;
        this.stats = stats;
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws ModelException {
        for (int attempt = 1; ; attempt++) {
            try {
                stats.call();
                return delegate.chat(request);
            } catch (ModelException e) {
                Optional<Duration> retryAfter = Optional.empty();
                if (e instanceof ModelHttpException http) {
                    if (http.rateLimited()) stats.rateLimited();
                    retryAfter = http.retryAfter();
                }
                if (!e.retryable()) {
                    stats.failure();
                    throw e;
                }
                if (attempt >= policy.maxAttempts()) {
                    stats.failure();
                    throw attempt == 1 ? e : new RetriesExhaustedException(attempt, e);
                }
                stats.retry();
                sleep(policy.backoff(attempt, retryAfter, ThreadLocalRandom.current().nextDouble()), e);
            }
        }
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }

    private static void sleep(Duration wait, ModelException cause) throws ModelException {
        try {
            Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ModelException interrupted = new ModelException("interrupted while waiting to retry after: " + cause.getMessage(), e);
            interrupted.addSuppressed(cause);
            throw interrupted;
        }
    }
}
