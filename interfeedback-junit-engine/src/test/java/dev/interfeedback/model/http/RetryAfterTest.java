package dev.interfeedback.model.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void secondsAndHttpDatesAreRead() {
        assertThat(RetryAfter.parse("7", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(" 0.25 ", NOW)).isEqualTo(Duration.ofMillis(250));
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 08:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 07:59:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void absentOrUnreadableHeadersSayNothing() {
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse("", NOW)).isNull();
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse("-3", NOW)).isNull();
    }

    @Test
    void aHugeDelayIsReadAsItIsForThePolicyToCap() {
        assertThat(RetryAfter.parse("86400", NOW)).isEqualTo(Duration.ofDays(1));
        assertThat(RetryAfter.parse("1e300", NOW)).isEqualTo(Duration.ofMillis(Long.MAX_VALUE));
    }
}
