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
 *
 * <p>A rate limit the server announced (a 429, or a 503 with {@code Retry-After}) is not a failed
 * attempt: the server is fine and says when to come back. Such waits are bounded by the policy's
 * budget of time instead, so that a burst of 429s at the start of a run does not use up the
 * attempts of the calls it meets and turn their samples into errors.
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
        int failedAttempts = 0;
        int rateLimited = 0;
        long rateLimitedSince = 0;
        while (true) {
            try {
                stats.call();
                return delegate.chat(request);
            } catch (ModelException e) {
                if (!e.retryable()) {
                    stats.failure();
                    throw e;
                }
                Optional<Duration> retryAfter = e instanceof ModelHttpException http ? http.retryAfter() : Optional.empty();
                double random = ThreadLocalRandom.current().nextDouble();
                Duration wait;
                if (announcedRateLimit(e)) {
                    stats.rateLimited();
                    long now = System.nanoTime();
                    if (rateLimited++ == 0) rateLimitedSince = now;
                    wait = policy.rateLimitWait(rateLimited, retryAfter, random);
                    Duration waited = Duration.ofNanos(now - rateLimitedSince);
                    if (waited.plus(wait).compareTo(policy.rateLimitBudget()) > 0) {
                        stats.failure();
                        throw new RateLimitBudgetExceededException(waited, wait, policy.rateLimitBudget(), rateLimited, e);
                    }
                } else {
                    failedAttempts++;
                    if (failedAttempts >= policy.maxAttempts()) {
                        stats.failure();
                        throw failedAttempts == 1 && rateLimited == 0 ? e
                                : new RetriesExhaustedException(failedAttempts, rateLimited, e);
                    }
                    wait = policy.backoff(failedAttempts, retryAfter, random);
                }
                stats.retry();
                sleep(wait, e);
            }
        }
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }

    private static boolean announcedRateLimit(ModelException e) {
        return e instanceof ModelHttpException http
                && (http.rateLimited() || http.status() == 503 && http.retryAfter().isPresent());
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
