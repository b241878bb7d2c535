package dev.interfeedback.model.resilience;

import dev.interfeedback.model.http.RateLimits;
import java.util.concurrent.TimeUnit;
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
 * <p>Each call reserves its start when it arrives, one spacing after the start reserved before it,
 * and sleeps until then: a start is counted from when it was due, never from when its thread woke,
 * and the waiting calls sleep side by side, so late wake-ups (a loaded machine has many) cost no
 * throughput. A reserved start keeps its time when later answers change the spacing; the starts
 * reserved after it follow the new one. After a pause, at most one start is made up at once, so an
 * idle pacer never releases a burst.
 *
 * <p>Until an answer carries rate-limit headers, calls are not spaced at all: a server that sends
 * none is called exactly as without a pacer.
 */
public final class QuotaPacer {

    private final LongSupplier clock;
    private volatile boolean paced;
    private long intervalNanos;
    private long nextDueNanos;
    private boolean started;
    private double tokensPerCall;

    public QuotaPacer() {
        this(System::nanoTime);
    }

    /** With {@code clock} in nanoseconds, as {@link System#nanoTime()}; tests pass their own. */
    QuotaPacer(LongSupplier clock) {
        this.clock = clock;
    }

    /** Takes what the latest answer's headers said. */
    public synchronized void observe(RateLimits limits) {
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
    }

    private static double spacing(long limit, long remaining, long reset, double perCall) {
        if (remaining < 0 || reset < 0) return 0;
        double startsUntilReset = limit > 0 ? (limit - remaining / 2.0) / perCall : remaining / perCall;
        return reset / Math.max(1, startsUntilReset);
    }

    /** Waits until this call may start; returns at once while unpaced. */
    public void awaitTurn() throws InterruptedException {
        if (!paced) return;
        long wait = reserve(clock.getAsLong());
        if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
    }

    /** Reserves the next start, arriving at {@code now}: the nanoseconds until it is due, 0 for at once. */
    synchronized long reserve(long now) {
        if (intervalNanos == 0) return 0;
        // One spacing after the start before; after a pause, at once, and counted as due one
        // spacing ago, so that the pause makes up one start and no more.
        long late = now - intervalNanos;
        long due = !started ? now : nextDueNanos - late > 0 ? nextDueNanos : late;
        started = true;
        nextDueNanos = due + intervalNanos;
        return Math.max(0, due - now);
    }

    /** The current spacing of starts, in nanoseconds; 0 while unpaced. */
    public synchronized long intervalNanos() {
        return intervalNanos;
    }
}
