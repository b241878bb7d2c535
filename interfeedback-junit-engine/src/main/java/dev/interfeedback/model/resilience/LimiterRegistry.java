package dev.interfeedback.model.resilience;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link AdaptiveLimiter} per endpoint, so that every benchmark and every alias that calls the
 * same API shares its limit: the API's rate limit is per endpoint (and key), not per benchmark.
 */
public final class LimiterRegistry {

    private static final LimiterRegistry SHARED = new LimiterRegistry();

    private final ConcurrentMap<String, AdaptiveLimiter> limiters = new ConcurrentHashMap<>();

    /** The process-wide registry. */
    public static LimiterRegistry shared() {
        return SHARED;
    }

    /**
     * The endpoint's limiter, created with {@code maxConcurrency} on first use. A later caller
     * asking a different maximum gets the existing limiter: the first configuration wins, so that
     * one endpoint never has two limits.
     */
    public AdaptiveLimiter forEndpoint(String endpoint, int maxConcurrency) {
        return limiters.computeIfAbsent(endpoint, e -> new AdaptiveLimiter(e, maxConcurrency));
    }
}
