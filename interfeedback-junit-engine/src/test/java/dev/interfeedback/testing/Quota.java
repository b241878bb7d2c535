package dev.interfeedback.testing;

import java.time.Duration;
import java.util.Locale;

/**
 * A quota of requests and tokens per window as OpenAI enforces it: two buckets that refill
 * continuously, a request admitted only when both hold its cost, and the
 * {@code x-ratelimit-limit/remaining/reset-requests/-tokens} headers on every answer, 429s included.
 * The reset is the time until the bucket is whole again, in OpenAI's form ({@code 6m0s},
 * {@code 1.5s}, {@code 20ms}).
 */
public final class Quota {

    /** What one request gets: admitted or not, and the headers of its answer. */
    public record Decision(boolean admitted, String[] headers) {}

    private final long requests;
    private final long tokens;
    private final long windowNanos;
    private final boolean sendHeaders;
    private double requestsLeft;
    private double tokensLeft;
    private long lastNanos = System.nanoTime();
    private long admittedTokens;
    private boolean emptyAtNext;
    private long emptiedNanos;
    private long latestNanos;

    /** A quota whose buckets start whole. */
    public Quota(long requests, long tokens, Duration window, boolean sendHeaders) {
        this(requests, tokens, window, sendHeaders, false);
    }

    /**
     * @param sendHeaders whether answers carry the rate-limit headers (a server that sends none
     *     enforces all the same)
     * @param empty whether the buckets start empty, as a long run finds them once its first minute
     *     has spent the whole quota: the steady state, without a minute of free burst first
     */
    public Quota(long requests, long tokens, Duration window, boolean sendHeaders, boolean empty) {
        this.requests = requests;
        this.tokens = tokens;
        this.windowNanos = window.toNanos();
        this.sendHeaders = sendHeaders;
        this.requestsLeft = empty ? 0 : requests;
        this.tokensLeft = empty ? 0 : tokens;
    }

    public synchronized Decision admit(long cost) {
        long now = System.nanoTime();
        if (emptyAtNext) {
            emptyAtNext = false;
            requestsLeft = 0;
            tokensLeft = 0;
            lastNanos = now;
            emptiedNanos = now;
        }
        latestNanos = now;
        double elapsed = now - lastNanos;
        lastNanos = now;
        requestsLeft = Math.min(requests, requestsLeft + elapsed * requests / windowNanos);
        tokensLeft = Math.min(tokens, tokensLeft + elapsed * tokens / windowNanos);
        boolean admitted = requestsLeft >= 1 && tokensLeft >= cost;
        if (admitted) {
            requestsLeft -= 1;
            tokensLeft -= cost;
            admittedTokens += cost;
        }
        if (!sendHeaders) return new Decision(admitted, new String[0]);
        long reqRemaining = (long) Math.floor(requestsLeft);
        long tokRemaining = (long) Math.floor(tokensLeft);
        return new Decision(admitted, new String[] {
            "x-ratelimit-limit-requests", String.valueOf(requests),
            "x-ratelimit-remaining-requests", String.valueOf(reqRemaining),
            "x-ratelimit-reset-requests", duration((long) ((requests - requestsLeft) * windowNanos / requests)),
            "x-ratelimit-limit-tokens", String.valueOf(tokens),
            "x-ratelimit-remaining-tokens", String.valueOf(tokRemaining),
            "x-ratelimit-reset-tokens", duration((long) ((tokens - tokensLeft) * windowNanos / tokens)),
        });
    }

    /**
     * Empties both buckets when the next request arrives, as if a minute's burst had just spent
     * them, and measures {@link #spanNanos()} from then: a run is measured from its first call,
     * not from its JVM's start-up, whose refill a paced client spends only gradually.
     */
    public synchronized void emptyAtNextRequest() {
        emptyAtNext = true;
    }

    /** From the request that emptied the buckets to the latest request. */
    public synchronized long spanNanos() {
        return latestNanos - emptiedNanos;
    }

    public synchronized long admittedTokens() {
        return admittedTokens;
    }

    public long requestsPerWindow() {
        return requests;
    }

    public long tokensPerWindow() {
        return tokens;
    }

    public Duration window() {
        return Duration.ofNanos(windowNanos);
    }

    static String duration(long nanos) {
        if (nanos < 1_000_000_000L) return Math.max(0, nanos / 1_000_000) + "ms";
        long minutes = nanos / 60_000_000_000L;
        double seconds = (nanos - minutes * 60_000_000_000L) / 1e9;
        String s = String.format(Locale.ROOT, "%.3f", seconds).replaceAll("\\.?0+$", "") + "s";
        return minutes > 0 ? minutes + "m" + s : s;
    }
}
