package dev.interfeedback.model.resilience;

import dev.interfeedback.model.http.RateLimits;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

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
 * <p>Until an answer carries rate-limit headers, calls are not spaced at all: a server that sends
 * none is called exactly as without a pacer.
 */
public final class QuotaPacer {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile boolean paced;
    private long intervalNanos;
    private long lastStartNanos = System.nanoTime();
    private double tokensPerCall;

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
            changed.signalAll();
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
            while (true) {
                long now = System.nanoTime();
                long next = lastStartNanos + intervalNanos;
                if (now - next >= 0) {
                    lastStartNanos = now;
                    return;
                }
                // Woken early when an answer changes the spacing, so a wait never outlives its reason.
                changed.awaitNanos(next - now);
            }
        } finally {
            lock.unlock();
        }
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
