package dev.interfeedback.maven.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class McNemarTest {

    @Test
    void exactOneSidedPValues() {
        assertThat(McNemar.pWorse(5, 0)).isCloseTo(1.0 / 32, within(1e-12));
        assertThat(McNemar.pWorse(3, 1)).isCloseTo(5.0 / 16, within(1e-12));
        assertThat(McNemar.pWorse(0, 4)).isEqualTo(1.0, within(1e-12));
        assertThat(McNemar.pWorse(0, 0)).isEqualTo(1.0);
    }

    @Test
    void staysFiniteForThousandsOfDiscordantPairs() {
        assertThat(McNemar.pWorse(2000, 2000)).isBetween(0.5, 0.52);
        assertThat(McNemar.pWorse(1100, 900)).isLessThan(1e-5).isGreaterThan(0);
    }
}
