package dev.interfeedback.model.resilience;

import dev.interfeedback.model.http.RateLimits;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Spaces the starts of an endpoint's calls by what its rate-limit headers say is left of the quota,
 * so that a run holds the quota's throughput rather than spending it in a burst, drawing 429s,
 * halving its limit and waiting.
 *
 * <p>The quotas of OpenAI and Anthropic are buckets that refill as they go: with {@code L} the
 * whole quota, {@code R} what is left and {@code T} the time until it is whole again, it refills
 * at {@code (L - R) / T}. Calls start at that rate plus half of what is left spread over
 * {@code T}, i.e. one every {@code T / (L - R/2)}: as fast as the server allows while the
 * bucket is full, the refill rate as it runs dry, and never faster than what is left can carry
 * while the answers that say so are still on their way. Without the whole quota's figure
 * ({@code L}), what is left is spread over the time to the reset ({@code T / R}). Tokens are
 * paced the same way at the tokens a call has been using, and the slower of the two holds.
 *
 * <p>Each start is counted from when it was due, not from when its thread woke: a start one
 * scheduler tick late leaves the next one due at the same time as if it had been on time, so late
 * wake-ups (a loaded machine has many) cost no throughput. After a pause, at most one start's worth
 * of lateness is made up at once, so an idle pacer never releases a burst.
 *
 * <p>Until an answer carries rate-limit headers, calls are not spaced at all: a server that sends
 * none is called exactly as without a pacer.
 */
public final class QuotaPacer {

    private final ReentrantLock lock = new ReentrantLock();
    // Answers that change the spacing wake the one waiter whose turn is next.
    private final Condition changed = lock.newCondition();
    // The others wait here, untimed, one woken per start: thousands of waiting calls are not all
    // woken at every start only for all but one to wait again.
    private final Condition queued = lock.newCondition();
    private final LongSupplier clock;
    private volatile boolean paced;
    private long intervalNanos;
    private long lastDueNanos;
    private boolean started;
    private boolean turnTaken;
    private double tokensPerCall;

    public QuotaPacer() {
        this(System::nanoTime);
    }

    /** With {@code clock} in nanoseconds, as {@link System#nanoTime()}; tests pass their own. */
    QuotaPacer(LongSupplier clock) {
        this.clock = clock;
    }

    /** Takes what the latest answer's headers said. */
    public void observe(RateLimits limits) {
        lock.lock();
        try {
            if (limits.callTokens() > 0) {
                // A moving average: prompts grow with the rounds of an episode.
                tokensPerCall = tokensPerCall == 0 ? limits.callTokens() : 0.9 * tokensPerCall + 0.1 * limits.callTokens();
            }
            if (!limits.known()) return;
            double byRequests = spacing(limits.requestsLimit(), limits.requestsRemaining(), limits.requestsReset(), 1);
            double byTokens = tokensPerCall == 0 ? 0
                    : spacing(limits.tokensLimit(), limits.tokensRemaining(), limits.tokensReset(), tokensPerCall);
            intervalNanos = (long) Math.max(byRequests, byTokens);
            paced = intervalNanos > 0;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    private static double spacing(long limit, long remaining, long reset, double perCall) {
        if (remaining < 0 || reset < 0) return 0;
        double startsUntilReset = limit > 0 ? (limit - remaining / 2.0) / perCall : remaining / perCall;
        return reset / Math.max(1, startsUntilReset);
    }

    /** Waits until this call may start; returns at once while unpaced. */
    public void awaitTurn() throws InterruptedException {
        if (!paced) return;
        lock.lockInterruptibly();
        try {
            while (turnTaken) queued.await();
            turnTaken = true;
            try {
                for (long wait = startOrWait(clock.getAsLong()); wait > 0; wait = startOrWait(clock.getAsLong())) {
                    changed.awaitNanos(wait);
                }
            } finally {
                turnTaken = false;
                queued.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * At {@code now}: 0 if a call may start, counting the start as made when it was due, or else
     * the nanoseconds until it is due. Called with the lock held.
     */
    long startOrWait(long now) {
        if (!started || intervalNanos == 0) {
            started = true;
            lastDueNanos = now;
            return 0;
        }
        long due = lastDueNanos + intervalNanos;
        if (now - due < 0) return due - now;
        // Late by up to one interval: counted from when it was due. Later than that, the pacer was
        // idle, and starting the count at now keeps the next starts from coming in a burst.
        lastDueNanos = now - due > intervalNanos ? now - intervalNanos : due;
        return 0;
    }

    /** The current spacing of starts, in nanoseconds; 0 while unpaced. */
    public long intervalNanos() {
        lock.lock();
        try {
            return intervalNanos;
        } finally {
            lock.unlock();
        }
    }
}
