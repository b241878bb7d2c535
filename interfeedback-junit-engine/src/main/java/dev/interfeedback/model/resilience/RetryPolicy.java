package dev.interfeedback.model.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How often and how patiently a failed call is tried again: bounded attempts, exponential backoff
 * with jitter (so that many callers hit by one outage do not come back in lockstep), and never
 * less than a server's {@code Retry-After}. Rate limits a server announces are not failures: they
 * are waited out, as long as the server asks (up to a cap per wait) and within a budget of time.
 *
 * @param maxAttempts attempts in all, the first included; 1 means no retry. Requests answered
 *     with an announced rate limit do not count
 * @param initialBackoff the wait before the second attempt, before jitter
 * @param maxBackoff the cap on the exponential wait (a server's Retry-After may ask for more)
 * @param rateLimitBudget the most time one call may spend waiting out announced rate limits
 * @param maxRetryAfter the cap on a single wait a server asks for with {@code Retry-After}
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration rateLimitBudget,
        Duration maxRetryAfter) {

    /** The least a rate-limited call waits before it asks again. */
    public static final Duration MIN_RATE_LIMIT_WAIT = Duration.ofMillis(50);

    public static final int DEFAULT_MAX_ATTEMPTS = 6;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RATE_LIMIT_BUDGET = Duration.ofSeconds(300);
    // A misbehaving server must not park a benchmark, or its endpoint, for long on one header.
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

    public static final RetryPolicy DEFAULT = new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF,
            DEFAULT_MAX_BACKOFF, DEFAULT_RATE_LIMIT_BUDGET, DEFAULT_MAX_RETRY_AFTER);

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("retry attempts must be at least 1, was " + maxAttempts);
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(rateLimitBudget, "rateLimitBudget");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("retry backoff must not be negative");
        }
        if (rateLimitBudget.isNegative()) throw new IllegalArgumentException("the rate limit budget must not be negative");
        if (maxRetryAfter.isNegative() || maxRetryAfter.isZero()) throw new IllegalArgumentException("the Retry-After cap must be positive");
    }

    /**
     * The wait after the given failed attempt: "equal jitter", half fixed and half random, so the
     * wait still grows with every failure; never less than the server's Retry-After, capped.
     *
     * @param failedAttempt 1 for the first attempt
     * @param retryAfter what the server asked for, if anything
     * @param random a number in [0, 1)
     */
    public Duration backoff(int failedAttempt, Optional<Duration> retryAfter, double random) {
        long base = initialBackoff.toNanos();
        long cap = maxBackoff.toNanos();
        long exponential = base;
        for (int i = 1; i < failedAttempt && exponential < cap; i++) exponential *= 2;
        exponential = Math.min(exponential, cap);
        long jittered = exponential / 2 + (long) (random * (exponential - exponential / 2));
        long wait = Math.max(jittered, capped(retryAfter).map(Duration::toNanos).orElse(0L));
        return Duration.ofNanos(wait);
    }

    /**
     * The wait after an announced rate limit: what the server asked for, capped; without a
     * {@code Retry-After}, the backoff after as many failures as rate-limited answers so far.
     *
     * @param rateLimited the rate-limited answers so far, 1 for the first
     */
    public Duration rateLimitWait(int rateLimited, Optional<Duration> retryAfter, double random) {
        Duration wait = capped(retryAfter).orElseGet(() -> backoff(rateLimited, Optional.empty(), random));
        // A rate-limited call costs no attempt, so without a floor "Retry-After: 0" (or a zero
        // backoff) would resend as fast as the server answers, for the whole budget.
        return wait.compareTo(MIN_RATE_LIMIT_WAIT) < 0 ? MIN_RATE_LIMIT_WAIT : wait;
    }

    /** A server's Retry-After, cut to {@link #maxRetryAfter()}. */
    public Optional<Duration> capped(Optional<Duration> retryAfter) {
        return retryAfter.map(wait -> wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait);
    }
}
