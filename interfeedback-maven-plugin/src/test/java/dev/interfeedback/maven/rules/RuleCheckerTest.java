package dev.interfeedback.maven.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.maven.Limit;
import dev.interfeedback.maven.Rule;
import dev.interfeedback.maven.results.BenchmarkSummary;
import dev.interfeedback.maven.results.ResultsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against a real results.json of the sample project (MMMU-Pro: 10 of 10 corrected; MathVerse: 21 of 22). */
class RuleCheckerTest {

    private final List<BenchmarkSummary> results = read();
    private final List<String> warnings = new ArrayList<>();

    @Test
    void aMinimumAboveTheRateIsOneViolationLine() {
        List<Violation> violations = new RuleChecker(List.of(rule("BENCHMARK", "CORRECTION_RATE", "97%", null)))
                .check(results, warnings::add);

        assertThat(violations).extracting(Violation::message).containsExactly(
                "benchmark mathverse-text-only-sample: correction rate is 95.5% [78.2, 99.2] (21 of 22),"
                        + " but expected minimum is 97%");
    }

    @Test
    void fractionsAndPercentagesMeanTheSame() {
        assertThat(new RuleChecker(List.of(rule("BENCHMARK", "ACCURACY", "0.40", null))).check(results, warnings::add))
                .extracting(Violation::message).singleElement().asString()
                .startsWith("benchmark mmmu-pro-sample: accuracy is 31.3%");
        assertThat(new RuleChecker(List.of(rule("BENCHMARK", "ACCURACY", "40%", null))).check(results, warnings::add))
                .hasSize(1);
    }

    @Test
    void maximumsAndIncludes() {
        Rule rule = rule("BENCHMARK", "ERROR_RATE", null, "0%");
        assertThat(new RuleChecker(List.of(rule)).check(results, warnings::add)).isEmpty();

        Rule accuracy = rule("BENCHMARK", "ACCURACY", null, "0.35");
        accuracy.setIncludes(List.of("mathverse-*"));
        assertThat(new RuleChecker(List.of(accuracy)).check(results, warnings::add))
                .extracting(Violation::message).singleElement().asString()
                .contains("mathverse-text-only-sample: accuracy is 45.8%").contains("expected maximum is 0.35");
    }

    /** {@code results-with-errors.json}: 2 of 8 samples errored, both in category geometry. */
    @Test
    void anErrorRateAboveTheMaximumIsAViolation() throws Exception {
        List<BenchmarkSummary> flaky = ResultsFile.read(Path.of("src/test/resources/results-with-errors.json"));

        assertThat(new RuleChecker(List.of(rule("BENCHMARK", "ERROR_RATE", null, "0%"))).check(flaky, warnings::add))
                .extracting(Violation::message).containsExactly(
                        "benchmark flaky: error rate is 25.0% [7.1, 59.1] (2 of 8), but expected maximum is 0%");
        assertThat(new RuleChecker(List.of(rule("CATEGORY", "ERROR_RATE", null, "10%"))).check(flaky, warnings::add))
                .extracting(Violation::message).containsExactly(
                        "category flaky/geometry: error rate is 50.0% [15.0, 85.0] (2 of 4), but expected maximum is 10%");
        assertThat(new RuleChecker(List.of(rule("BENCHMARK", "ERROR_RATE", null, "25%"))).check(flaky, warnings::add))
                .as("a maximum is inclusive").isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void categoriesAreNamedByBenchmarkAndCategory() {
        Rule rule = rule("CATEGORY", "CORRECTION_RATE", "0.9", null);
        rule.setIncludes(List.of("mathverse-text-only-sample/*"));
        rule.setExcludes(List.of("*/Functions"));

        assertThat(new RuleChecker(List.of(rule)).check(results, warnings::add)).extracting(Violation::message)
                .containsExactly("category mathverse-text-only-sample/Solid Geometry: correction rate is 66.7% [20.8, 93.9]"
                        + " (2 of 3), but expected minimum is 0.9");
    }

    @Test
    void anUndefinedRateIsAWarningNotAViolation() {
        Rule rule = rule("CATEGORY", "CORRECTION_RATE", "0.5", null);
        rule.setIncludes(List.of("mmmu-pro-sample/Art"));

        assertThat(new RuleChecker(List.of(rule)).check(results, warnings::add)).isEmpty();
        assertThat(warnings).containsExactly(
                "category mmmu-pro-sample/Art: correction rate is undefined (no samples), limit not checked");
    }

    @Test
    void aRateLeftUndefinedByErrorsIsAViolationNotAWarning() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("results", ".json");
        java.nio.file.Files.writeString(file, """
                {"schemaVersion": 1, "benchmarks": [{"id": "b", "feedback": "detailed", "maxRounds": 3,
                  "receiver": {"alias": "r", "model": "m"}, "provider": {"alias": "p", "model": "m"},
                  "counts": {"samples": 4, "correctAtRound0": 0, "wrongAtRound0": 0, "testSet": 0, "corrected": 0, "errors": 4},
                  "accuracy": {"value": null, "low": null, "high": null},
                  "correctionRate": {"value": null, "low": null, "high": null},
                  "errorRate": {"value": 1.0, "low": 0.5, "high": 1.0},
                  "perRound": [], "perCategory": []}]}
                """);
        List<BenchmarkSummary> broken = ResultsFile.read(file);

        assertThat(new RuleChecker(List.of(rule("BENCHMARK", "CORRECTION_RATE", "0.5", null))).check(broken, warnings::add))
                .extracting(Violation::message).containsExactly("benchmark b: correction rate is undefined because 4 of 4"
                        + " samples errored (model calls failed), so its limit cannot be met");
        assertThat(warnings).isEmpty();
    }

    @Test
    void malformedRulesNameTheField() {
        assertThatThrownBy(() -> new RuleChecker(List.of(rule("BENCHMARK", "COVERAGE", "0.5", null))))
                .hasMessageContaining("rules[0].limits[0].counter").hasMessageContaining("COVERAGE");
        assertThatThrownBy(() -> new RuleChecker(List.of(rule("BENCHMARK", "ACCURACY", "45", null))))
                .hasMessageContaining("rules[0].limits[0].minimum").hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new RuleChecker(List.of(rule("PACKAGE", "ACCURACY", "0.4", null))))
                .hasMessageContaining("rules[0].element").hasMessageContaining("BENCHMARK or CATEGORY");
        assertThatThrownBy(() -> new RuleChecker(List.of(rule("BENCHMARK", "ACCURACY", null, null))))
                .hasMessageContaining("a <minimum> or a <maximum>");
    }

    static Rule rule(String element, String counter, String minimum, String maximum) {
        Limit limit = new Limit();
        limit.setCounter(counter);
        limit.setMinimum(minimum);
        limit.setMaximum(maximum);
        Rule rule = new Rule();
        rule.setElement(element);
        rule.setLimits(new ArrayList<>(List.of(limit)));
        return rule;
    }

    private static List<BenchmarkSummary> read() {
        try {
            return ResultsFile.read(Path.of("src/test/resources/results.json"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
