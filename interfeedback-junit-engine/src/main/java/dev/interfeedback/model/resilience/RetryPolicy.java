package dev.interfeedback.model.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How often and how patiently a failed call is tried again: bounded attempts, exponential backoff
 * with jitter (so that many callers hit by one outage do not come back in lockstep), and never
 * less than a server's {@code Retry-After}.
 *
 * @param maxAttempts attempts in all, the first included; 1 means no retry
 * @param initialBackoff the wait before the second attempt, before jitter
 * @param maxBackoff the cap on the exponential wait (a server's Retry-After may ask for more)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final int DEFAULT_MAX_ATTEMPTS = 6;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF);

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("retry attempts must be at least 1, was " + maxAttempts);
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("retry backoff must not be negative");
        }
    }

    /**
     * The wait after the given failed attempt: "equal jitter", half fixed and half random, so the
     * wait still grows with every failure.
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
        long wait = Math.max(jittered, retryAfter.map(Duration::toNanos).orElse(0L));
        return Duration.ofNanos(wait);
    }
}
