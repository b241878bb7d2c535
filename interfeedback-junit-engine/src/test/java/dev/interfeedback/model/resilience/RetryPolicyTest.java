package dev.interfeedback.model.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000),
            Duration.ofSeconds(300), Duration.ofSeconds(60));

    @Test
    void backoffDoublesWithJitterInTheUpperHalf() {
        assertThat(policy.backoff(1, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(policy.backoff(1, Optional.empty(), 0.999)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(policy.backoff(2, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(3, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void backoffIsCapped() {
        assertThat(policy.backoff(30, Optional.empty(), 0.999)).isLessThanOrEqualTo(Duration.ofMillis(1000));
        assertThat(policy.backoff(30, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aServersRetryAfterIsTheLeastWait() {
        assertThat(policy.backoff(1, Optional.of(Duration.ofSeconds(7)), 0.5)).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.backoff(3, Optional.of(Duration.ofMillis(1)), 0.0)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aRetryAfterIsHonouredUpToTheCap() {
        assertThat(policy.backoff(1, Optional.of(Duration.ofSeconds(600)), 0.5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.rateLimitWait(1, Optional.of(Duration.ofSeconds(600)), 0.5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.rateLimitWait(1, Optional.of(Duration.ofDays(365 * 1000)), 0.5)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aRateLimitWaitIsWhatTheServerAskedForElseTheBackoff() {
        assertThat(policy.rateLimitWait(9, Optional.of(Duration.ofMillis(80)), 0.9)).isEqualTo(Duration.ofMillis(80));
        assertThat(policy.rateLimitWait(3, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void badPoliciesAreRefused() {
        Duration minute = Duration.ofMinutes(1);
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, minute, minute))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ZERO, minute, minute))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(-1), minute))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, minute, Duration.ZERO))
                .hasMessageContaining("positive");
    }

    /** A rate limit costs no attempt, so a zero wait would resend as fast as the server answers for the whole budget. */
    @Test
    void aRateLimitIsWaitedOutForAtLeastAMoment() {
        RetryPolicy noBackoff = new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(5));

        assertThat(noBackoff.rateLimitWait(1, Optional.of(Duration.ZERO), 0.5)).isEqualTo(RetryPolicy.MIN_RATE_LIMIT_WAIT);
        assertThat(noBackoff.rateLimitWait(4, Optional.empty(), 0.5)).isEqualTo(RetryPolicy.MIN_RATE_LIMIT_WAIT);
        assertThat(noBackoff.rateLimitWait(1, Optional.of(Duration.ofSeconds(2)), 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(noBackoff.rateLimitWait(1, Optional.of(Duration.ofSeconds(60)), 0.5)).as("capped").isEqualTo(Duration.ofSeconds(5));
    }
}
