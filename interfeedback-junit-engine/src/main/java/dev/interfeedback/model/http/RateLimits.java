package dev.interfeedback.model.http;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * What an API's rate-limit headers say is left of its quota, and when it comes back: OpenAI's
 * {@code x-ratelimit-remaining-requests/-tokens} with {@code x-ratelimit-reset-requests/-tokens}
 * as durations ({@code 6m0s}, {@code 1s}, {@code 20ms}), and Anthropic's
 * {@code anthropic-ratelimit-requests-remaining/-reset} (and {@code -tokens-}, or else
 * {@code -input-tokens-}) with the reset as an RFC 3339 time. A figure the headers leave out, or
 * that cannot be read, is -1: the quota is then not known, and nothing is paced by it.
 *
 * @param requestsLimit the requests' quota when whole ({@code x-ratelimit-limit-requests})
 * @param requestsRemaining requests left now
 * @param requestsReset nanoseconds until the requests' quota is whole again
 * @param tokensLimit the tokens' quota when whole
 * @param tokensRemaining tokens left now
 * @param tokensReset nanoseconds until the tokens' quota is whole again
 * @param callTokens tokens the answered call used (prompt and completion), or 0 for a failed call
 */
public record RateLimits(long requestsLimit, long requestsRemaining, long requestsReset, long tokensLimit,
        long tokensRemaining, long tokensReset, long callTokens) {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    /** Whether the headers said anything about the quota. */
    public boolean known() {
        return (requestsRemaining >= 0 && requestsReset >= 0) || (tokensRemaining >= 0 && tokensReset >= 0);
    }

    public RateLimits withCallTokens(long tokens) {
        return new RateLimits(requestsLimit, requestsRemaining, requestsReset, tokensLimit, tokensRemaining, tokensReset,
                tokens);
    }

    /** Reads the headers of any of the wire formats; Gemini sends none. */
    public static RateLimits of(Headers headers, Instant now) {
        if (headers.get("x-ratelimit-remaining-requests") != null || headers.get("x-ratelimit-remaining-tokens") != null) {
            return new RateLimits(count(headers.get("x-ratelimit-limit-requests")),
                    count(headers.get("x-ratelimit-remaining-requests")),
                    duration(headers.get("x-ratelimit-reset-requests")),
                    count(headers.get("x-ratelimit-limit-tokens")),
                    count(headers.get("x-ratelimit-remaining-tokens")),
                    duration(headers.get("x-ratelimit-reset-tokens")), 0);
        }
        String tokens = headers.get("anthropic-ratelimit-tokens-remaining") != null ? "tokens" : "input-tokens";
        return new RateLimits(count(headers.get("anthropic-ratelimit-requests-limit")),
                count(headers.get("anthropic-ratelimit-requests-remaining")),
                until(headers.get("anthropic-ratelimit-requests-reset"), now),
                count(headers.get("anthropic-ratelimit-" + tokens + "-limit")),
                count(headers.get("anthropic-ratelimit-" + tokens + "-remaining")),
                until(headers.get("anthropic-ratelimit-" + tokens + "-reset"), now), 0);
    }

    static long count(String header) {
        if (header == null) return -1;
        try {
            long n = Long.parseLong(header.strip());
            return n >= 0 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code 1h2m3.5s}, {@code 6m0s}, {@code 20ms}: OpenAI's form, Go's {@code time.Duration} as text. */
    static long duration(String header) {
        if (header == null || header.isBlank()) return -1;
        String value = header.strip();
        Matcher part = DURATION_PART.matcher(value);
        double nanos = 0;
        int at = 0;
        while (part.find() && part.start() == at) {
            double n = Double.parseDouble(part.group(1));
            nanos += n * switch (part.group(2)) {
                case "h" -> 3_600e9;
                case "m" -> 60e9;
                case "s" -> 1e9;
                default -> 1e6;
            };
            at = part.end();
        }
        return at == value.length() && at > 0 ? (long) nanos : -1;
    }

    static long until(String header, Instant now) {
        if (header == null || header.isBlank()) return -1;
        try {
            return Math.max(0, Duration.between(now, OffsetDateTime.parse(header.strip()).toInstant()).toNanos());
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
