package dev.interfeedback.model.resilience;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many calls may be in flight to one endpoint. Starts at the configured maximum; a 429 halves
 * the limit and, with a {@code Retry-After}, pauses every caller until then; each success grows
 * the limit by 1/limit, so it regains one slot per round of successful calls (additive increase,
 * multiplicative decrease, as TCP and promptfoo/Inspect do).
 *
 * <p>A burst of 429s answers calls that were all sent under the old limit; only the first of them
 * halves it, so one burst costs one halving, not a collapse to 1.
 */
public final class AdaptiveLimiter {

    private final String name;
    private final int max;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final QuotaPacer pacer = new QuotaPacer();

    private double limit;
    private int inFlight;
    private long generation;
    private long pausedUntilNanos;
    private boolean paused;

    public AdaptiveLimiter(String name, int max) {
        if (max < 1) throw new IllegalArgumentException("max concurrency must be at least 1, was " + max);
        this.name = name;
        this.max = max;
        this.limit = max;
    }

    /** Waits for a slot. The caller must end the permit exactly once. */
    public Permit acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                long now = System.nanoTime();
                if (paused && now - pausedUntilNanos >= 0) paused = false;
                if (paused) {
                    changed.awaitNanos(pausedUntilNanos - now);
                } else if (inFlight >= (int) limit) {
                    changed.await();
                } else {
                    inFlight++;
                    return new Permit(generation);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    public String name() {
        return name;
    }

    /** Spaces the endpoint's calls by its quota, once its answers say what is left of it. */
    public QuotaPacer pacer() {
        return pacer;
    }

    public int max() {
        return max;
    }

    /** The current limit, between 1 and {@link #max()}. */
    public int limit() {
        lock.lock();
        try {
            return (int) limit;
        } finally {
            lock.unlock();
        }
    }

    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    private void release(Permit permit, Outcome outcome, Duration retryAfter) {
        lock.lock();
        try {
            inFlight--;
            switch (outcome) {
                case SUCCESS -> {
                    if (limit < max) limit = Math.min(max, limit + 1.0 / limit);
                }
                case RATE_LIMITED -> {
                    if (permit.generation == generation) {
                        limit = Math.max(1, Math.floor(limit / 2));
                        generation++;
                    }
                    if (retryAfter != null && !retryAfter.isZero()) {
                        long until = System.nanoTime() + retryAfter.toNanos();
                        if (!paused || until - pausedUntilNanos > 0) pausedUntilNanos = until;
                        paused = true;
                    }
                }
                case FAILED -> {}
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "AdaptiveLimiter[" + name + ", limit " + limit() + " of " + max + "]";
    }

    private enum Outcome { SUCCESS, RATE_LIMITED, FAILED }

    /** One slot, held for one call. */
    public final class Permit {
        private final long generation;
        private boolean ended;

        private Permit(long generation) {
            this.generation = generation;
        }

        public void success() {
            end(Outcome.SUCCESS, null);
        }

        /** The server answered 429; {@code retryAfter} is what it asked for, if anything. */
        public void rateLimited(Optional<Duration> retryAfter) {
            end(Outcome.RATE_LIMITED, retryAfter.orElse(null));
        }

        /** Any other failure: the slot is freed, the limit left alone. */
        public void failed() {
            end(Outcome.FAILED, null);
        }

        private void end(Outcome outcome, Duration retryAfter) {
            if (ended) throw new IllegalStateException("permit already ended");
            ended = true;
            release(this, outcome, retryAfter);
        }
    }

}
