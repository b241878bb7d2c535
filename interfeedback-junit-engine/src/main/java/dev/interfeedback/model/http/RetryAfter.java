package dev.interfeedback.model.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} header: delay-seconds or an HTTP date (RFC 9110 §10.2.3). The
 * delay is read as it is; the retry policy caps what it honours.
 */
public final class RetryAfter {

    private RetryAfter() {}

    /** @return the delay, or null when the header is absent or unreadable */
    public static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) return null;
        String value = header.strip();
        Duration delay;
        try {
            // Some gateways send fractions ("0.5"), which the RFC does not allow but clients honour.
            double seconds = Double.parseDouble(value);
            if (!(seconds >= 0)) return null;
            delay = Duration.ofMillis((long) Math.ceil(seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                delay = Duration.between(now, at);
                if (delay.isNegative()) delay = Duration.ZERO;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
        return delay;
    }
}
