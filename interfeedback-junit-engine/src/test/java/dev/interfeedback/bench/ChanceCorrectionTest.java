package dev.interfeedback.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChanceCorrectionTest {

    @Test
    void theUnitIsTheLeastCommonMultipleOfEveryCountOfUntriedOptions() {
        BigInteger lcm = IntStream.rangeClosed(1, 26).mapToObj(BigInteger::valueOf)
                .reduce(BigInteger.ONE, (a, b) -> a.multiply(b).divide(a.gcd(b)));
        assertThat(ChanceCorrection.UNITS_PER_CORRECTION).isEqualTo(lcm.longValueExact());
    }

    @Test
    void theExpectedCorrectionsAreTheUnitsDividedOnce() {
        ChanceCorrection chance = new ChanceCorrection(ChanceCorrection.UNITS_PER_CORRECTION / 2 * 3, 6, 4, 3);
        assertThat(chance.expected()).isEqualTo(1.5);
        assertThat(chance.rate()).isEqualTo(0.25);
        assertThat(chance.excess(new Rate(3, 6))).isEqualTo(0.25);
        assertThat(ChanceCorrection.NONE.rate()).isNaN();
    }
}
