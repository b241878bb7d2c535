package dev.interfeedback.model.resilience;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the resilience layers did, for progress lines and run summaries. Shared by
 * all models of a run; thread-safe and cheap to bump from many threads.
 */
public final class CallStats {

    private final LongAdder calls = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder batchRequests = new LongAdder();

    /** A request went to the network: each attempt, and each request answered with a rate limit. */
    void call() {
        calls.increment();
    }

    void cacheHit() {
        cacheHits.increment();
    }

    void retry() {
        retries.increment();
    }

    void rateLimited() {
        rateLimited.increment();
    }

    /** A call failed for good: after its last retry, or at once for an error that no retry can fix. */
    void failure() {
        failures.increment();
    }

    /** An HTTP request of a batch engine: a file uploaded, a batch created or polled, a result file read. */
    public void batchRequest() {
        batchRequests.increment();
    }

    public long batchRequests() {
        return batchRequests.sum();
    }

    public long calls() {
        return calls.sum();
    }

    public long cacheHits() {
        return cacheHits.sum();
    }

    public long retries() {
        return retries.sum();
    }

    public long rateLimitedResponses() {
        return rateLimited.sum();
    }

    public long failures() {
        return failures.sum();
    }
}
