package dev.interfeedback.maven.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionCheckTest {

    private final RegressionCheck check = new RegressionCheck(0.02, 0.05);

    @Test
    void aLargeSignificantDropIsARegressionNamingTheSamples() {
        Map<String, String> before = statuses(40, "CORRECTED"), now = new HashMap<>(before);
        for (int i = 0; i < 8; i++) now.put("s" + i, "NOT_CORRECTED");
        now.put("s10", "EXCLUDED");

        Comparison c = only(check.compare(new Baseline(Map.of("b", before)), Map.of("b", now), n -> {}));

        assertThat(c.newlyFailing()).containsExactlyInAnyOrder("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s10");
        assertThat(c.newlyPassing()).isEmpty();
        assertThat(c.drop()).isEqualTo(9.0 / 40);
        assertThat(check.regressed(c)).isTrue();
        assertThat(c.describe()).contains("100.0% -> 77.5%").contains("40 paired samples");
    }

    @Test
    void churnThatCancelsOutIsNotARegression() {
        Map<String, String> before = statuses(40, "CORRECTED"), now = new HashMap<>(before);
        for (int i = 0; i < 4; i++) before.put("s" + i, "NOT_CORRECTED");
        for (int i = 4; i < 9; i++) now.put("s" + i, "NOT_CORRECTED");

        Comparison c = only(check.compare(new Baseline(Map.of("b", before)), Map.of("b", now), n -> {}));

        assertThat(c.newlyFailing()).hasSize(5);
        assertThat(c.newlyPassing()).hasSize(4);
        assertThat(check.regressed(c)).as("one net loss is noise").isFalse();
    }

    @Test
    void aDropWithinTheToleranceIsNeverARegression() {
        Map<String, String> before = statuses(1000, "CORRECT_AT_ROUND_0"), now = new HashMap<>(before);
        for (int i = 0; i < 15; i++) now.put("s" + i, "NOT_CORRECTED");

        Comparison c = only(check.compare(new Baseline(Map.of("b", before)), Map.of("b", now), n -> {}));

        assertThat(c.p()).isLessThan(0.05);
        assertThat(check.regressed(c)).as("1.5 points is under the 2%% tolerance").isFalse();
    }

    @Test
    void errorsAndNewSamplesAreLeftOutAndSaidSo() {
        Map<String, String> before = statuses(10, "CORRECTED"), now = new HashMap<>(before);
        now.put("s0", "ERROR");
        now.put("new", "NOT_CORRECTED");
        List<String> notes = new ArrayList<>();

        Comparison c = only(check.compare(new Baseline(Map.of("b", before, "gone", before)), Map.of("b", now), notes::add));

        assertThat(c.paired()).isEqualTo(9);
        assertThat(c.newlyFailing()).isEmpty();
        assertThat(notes).anyMatch(n -> n.contains("2 samples are new, or errored"));
    }

    @Test
    void aBaselineBenchmarkThatDidNotRunIsNamed() {
        Map<String, String> statuses = statuses(3, "CORRECTED");
        assertThat(check.notRun(new Baseline(Map.of("b", statuses, "gone", statuses)), Map.of("b", statuses)))
                .containsExactly("gone");
    }

    @Test
    void baselineRoundTripsSorted(@TempDir Path dir) throws Exception {
        Baseline baseline = new Baseline(Map.of("b", Map.of("z", "CORRECTED", "a", "EXCLUDED")));
        Path file = dir.resolve("sub/baseline.json");
        baseline.write(file);

        assertThat(Baseline.read(file)).isEqualTo(baseline);
        String text = java.nio.file.Files.readString(file);
        assertThat(text.indexOf("\"a\"")).isLessThan(text.indexOf("\"z\""));
    }

    private static Map<String, String> statuses(int n, String status) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < n; i++) map.put("s" + i, status);
        return map;
    }

    private static Comparison only(List<Comparison> comparisons) {
        assertThat(comparisons).hasSize(1);
        return comparisons.get(0);
    }
}
