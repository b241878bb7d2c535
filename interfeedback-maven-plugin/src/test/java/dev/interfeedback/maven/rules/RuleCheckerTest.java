package dev.interfeedback.maven.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.maven.Limit;
import dev.interfeedback.maven.Rule;
import dev.interfeedback.maven.results.BenchmarkSummary;
import dev.interfeedback.maven.results.ResultsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void everyLimitOnEveryElementHasAnOutcomeMetOrViolatedWithItsMeasuredValue() {
        List<LimitOutcome> outcomes = new RuleChecker(List.of(rule("BENCHMARK", "CORRECTION_RATE", "97%", null)))
                .evaluate(results, warnings::add);

        assertThat(outcomes).extracting(LimitOutcome::subject, LimitOutcome::status, LimitOutcome::bound, LimitOutcome::limit,
                LimitOutcome::measured).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("mathverse-text-only-sample", "violated", "minimum", "97%",
                                "95.5% [78.2, 99.2] (21 of 22)"),
                        org.assertj.core.groups.Tuple.tuple("mmmu-pro-sample", "met", "minimum", "97%",
                                "100.0% [72.2, 100.0] (10 of 10)"));
        assertThat(outcomes).filteredOn(o -> !o.met()).extracting(o -> o.violation().message())
                .containsExactlyElementsOf(new RuleChecker(List.of(rule("BENCHMARK", "CORRECTION_RATE", "97%", null)))
                        .check(results, warnings::add).stream().map(Violation::message).toList());
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
        List<BenchmarkSummary> flaky = ResultsFile.read(Path.of("src/test/resources/results-with-errors.json")).benchmarks();

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
        assertThat(warnings).containsExactly("category mmmu-pro-sample/Art: correction rate is undefined: the test set is"
                + " empty (of 0 samples wrong at round 0, 0 are excluded, the provider cannot solve them, and 0 errored"
                + " after round 0); no error contributed, limit not checked");
    }

    /** 40 right, 5 wrong and excluded, 3 errors at round 0: the test set is empty, and errors may be why. */
    @Test
    void aRateLeftUndefinedWithErrorsSaysWhyAndIsAViolation(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("results.json"), """
                {"schemaVersion": 1, "benchmarks": [{"id": "b", "feedback": "detailed", "maxRounds": 1,
                  "receiver": {"alias": "r", "model": "m"}, "provider": {"alias": "p", "model": "m"},
                  "counts": {"samples": 48, "correctAtRound0": 40, "wrongAtRound0": 5, "errorsAtRound0": 3, "excluded": 5,
                             "testSet": 0, "errorsAfterRound0": 0, "corrected": 0, "notCorrected": 0, "errors": 3},
                  "accuracy": {"value": 0.8888888888888888, "low": 0.77, "high": 0.95},
                  "correctionRate": {"value": null, "low": null, "high": null},
                  "errorRate": {"value": 0.0625, "low": 0.02, "high": 0.17},
                  "perRound": [{"round": 1, "corrected": 0, "rate": null}], "perCategory": []}]}
                """);
        List<BenchmarkSummary> broken = ResultsFile.read(file).benchmarks();

        assertThat(new RuleChecker(List.of(rule("BENCHMARK", "CORRECTION_RATE", "0.5", null))).check(broken, warnings::add))
                .extracting(Violation::message).containsExactly("benchmark b: correction rate is undefined: the test set"
                        + " is empty (of 5 samples wrong at round 0, 5 are excluded, the provider cannot solve them, and 0"
                        + " errored after round 0); 3 of 48 samples errored and left its denominator (of 3 errors in"
                        + " all), so its limit cannot be met");
        assertThat(warnings).isEmpty();
    }

    @Test
    void anIncludeThatMatchesNothingIsAnErrorNamingWhatExists() {
        Rule rule = rule("BENCHMARK", "ACCURACY", "0.1", null);
        rule.setIncludes(List.of("mmmu-pro"));

        assertThatThrownBy(() -> new RuleChecker(List.of(rule)).check(results, warnings::add))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rules[0] (BENCHMARK includes [mmmu-pro]) matches nothing in the results; they have benchmark"
                        + " [mmmu-pro-sample, mathverse-text-only-sample]");
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

    @Test
    void aMaintenanceLimitOnARunWithoutTheControlIsAWarningThatSaysHowToRunIt() {
        List<Violation> violations = new RuleChecker(List.of(rule("BENCHMARK", "MAINTENANCE_RATE", "80%", null)))
                .check(results, warnings::add);

        assertThat(violations).isEmpty();
        assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w).contains("maintenance rate is undefined")
                .contains("interfeedback.maintenance=true"));
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
            return ResultsFile.read(Path.of("src/test/resources/results.json")).benchmarks();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
