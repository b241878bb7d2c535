package dev.interfeedback.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateTest {

    @Test
    void wilsonIntervalMatchesPublishedValues() {
        // 30 of 81 (the human study's round 1): Wilson 95% is [0.2733, 0.4791] (worked by hand).
        Rate rate = new Rate(30, 81);
        assertThat(rate.low()).isCloseTo(0.2733, within(1e-4));
        assertThat(rate.high()).isCloseTo(0.4791, within(1e-4));
    }

    @Test
    void intervalStaysInsideZeroAndOneAtTheExtremes() {
        Rate none = new Rate(0, 10), all = new Rate(10, 10);
        assertThat(none.low()).isEqualTo(0.0);
        assertThat(none.high()).isCloseTo(0.2775, within(1e-4));
        assertThat(all.high()).isEqualTo(1.0);
        assertThat(all.low()).isCloseTo(0.7225, within(1e-4));
    }

    @Test
    void formatsAsPercentWithInterval() {
        assertThat(new Rate(30, 81).format()).isEqualTo("37.0% [27.3, 47.9]");
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> new Rate(5, 4)).hasMessageContaining("5/4");
    }
}
