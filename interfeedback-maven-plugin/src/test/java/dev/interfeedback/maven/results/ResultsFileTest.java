package dev.interfeedback.maven.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

    private static final Path ENGINE_OUTPUT = Path.of("src/test/resources/results.json");

    @TempDir
    Path dir;

    @Test
    void readsTheEngineOutput() throws Exception {
        List<BenchmarkSummary> results = ResultsFile.read(ENGINE_OUTPUT).benchmarks();

        assertThat(results).extracting(BenchmarkSummary::id).containsExactly("mmmu-pro-sample", "mathverse-text-only-sample");
        BenchmarkSummary mathverse = results.get(1);
        assertThat(mathverse.simulated()).isTrue();
        assertThat(mathverse.receiver()).isEqualTo("receiver (simulated)");
        assertThat(mathverse.figures().get(Counter.CORRECTION_RATE).successes()).isEqualTo(21);
        assertThat(mathverse.figures().get(Counter.CORRECTION_RATE).trials()).isEqualTo(22);
        assertThat(mathverse.figures().counts().excluded()).isEqualTo(4);
        assertThat(mathverse.perRound()).hasSize(3);
        assertThat(mathverse.categories()).extracting(Figures::name).contains("mathverse-text-only-sample/Functions");
    }

    /**
     * {@code results-with-errors.json}: 8 samples, 2 of them errors (both in category geometry,
     * of 4); its rates and intervals were computed by hand (Wilson 95%), not by the engine.
     */
    @Test
    void theErrorRateIsReadWithItsCounts() throws Exception {
        BenchmarkSummary flaky = ResultsFile.read(Path.of("src/test/resources/results-with-errors.json")).benchmarks().get(0);

        Figure errors = flaky.figures().get(Counter.ERROR_RATE);
        assertThat(errors).isEqualTo(new Figure(0.25, 0.07147921275210901, 0.5907245696898311, 2, 8));
        assertThat(flaky.figures().get(Counter.ACCURACY).trials()).as("errors leave accuracy's denominator").isEqualTo(6);
        assertThat(flaky.categories()).extracting(Figures::name, f -> f.get(Counter.ERROR_RATE).value(),
                        f -> f.get(Counter.ERROR_RATE).successes())
                .containsExactly(tuple("flaky/algebra", 0.0, 0L), tuple("flaky/geometry", 0.5, 2L));
    }

    @Test
    void aMissingFileSaysToRunEvaluate() {
        assertThatThrownBy(() -> ResultsFile.read(dir.resolve("results.json")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("run interfeedback:evaluate first");
    }

    @Test
    void malformedJsonNamesFileAndPosition() throws Exception {
        Path file = Files.writeString(dir.resolve("results.json"), "{\"schemaVersion\": 1, \"benchmarks\": [\n{]");
        assertThatThrownBy(() -> ResultsFile.read(file))
                .isInstanceOf(ResultsFormatException.class).hasMessageContaining("results.json").hasMessageContaining("line 2");
    }

    @Test
    void aMissingFieldIsNamedWithItsPath() throws Exception {
        Path file = Files.writeString(dir.resolve("results.json"), "{\"schemaVersion\": 1, \"benchmarks\": [{\"id\": \"b\"}]}");
        assertThatThrownBy(() -> ResultsFile.read(file))
                .hasMessageEndingWith("results.json: benchmarks[0].maxRounds: expected a whole number >= 0, found nothing");
    }

    @Test
    void anotherSchemaVersionIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("results.json"), "{\"schemaVersion\": 2, \"benchmarks\": []}");
        assertThatThrownBy(() -> ResultsFile.read(file)).hasMessageContaining("schemaVersion: 2 is not supported");
    }

    @Test
    void aRateThatIsNotANumberIsRefusedNotReadAsZero() {
        assertRefused(root -> rate(root, 1, "correctionRate").put("value", "high"),
                "benchmarks[1].correctionRate.value: expected a number between 0 and 1, found \"high\"");
    }

    @Test
    void aRateOutsideZeroToOneIsRefused() {
        assertRefused(root -> rate(root, 0, "accuracy").put("value", 7.5),
                "benchmarks[0].accuracy.value: expected a number between 0 and 1, found 7.5");
    }

    @Test
    void aRateThatDisagreesWithItsCountsIsRefused() {
        assertRefused(root -> rate(root, 0, "accuracy").put("value", 0.5),
                "benchmarks[0].accuracy.value: expected correctAtRound0 / (correctAtRound0 + wrongAtRound0) = 5 / 16 = 0.3125,"
                        + " found 0.5");
    }

    @Test
    void anIntervalMustHoldItsValue() {
        assertRefused(root -> rate(root, 0, "accuracy").put("low", 0.4),
                "benchmarks[0].accuracy: expected low <= value <= high, found low 0.4, value 0.3125, high 0.5559564416525933");
    }

    @Test
    void anUndefinedRateMustBeNull() {
        assertRefused(root -> ((ObjectNode) ((ObjectNode) root.withArray("benchmarks").get(0)).withArray("perCategory").get(0)
                        .get("correctionRate")).put("value", 0),
                "benchmarks[0].perCategory[0].correctionRate.value: expected null, since corrected / testSet has no"
                        + " denominator, found 0");
    }

    @Test
    void countsMustBeWholeNumbers() {
        assertRefused(root -> counts(root, 0).put("errors", 2.5),
                "benchmarks[0].counts.errors: expected a whole number >= 0, found 2.5");
        assertRefused(root -> counts(root, 0).put("excluded", -1),
                "benchmarks[0].counts.excluded: expected a whole number >= 0, found -1");
    }

    /** 80 right + 110 wrong + 12 errors is not 200 samples: an error was counted as wrong too. */
    @Test
    void countsThatDoNotAddUpAreRefusedNamingTheField() {
        assertRefused(root -> counts(root, 0).put("errors", 1).put("errorsAfterRound0", 1),
                "benchmarks[0].counts.wrongAtRound0: expected excluded + testSet + errorsAfterRound0 = 1 + 10 + 1 = 12,"
                        + " found 11: the counts do not add up");
        assertRefused(root -> counts(root, 0).put("samples", 17),
                "benchmarks[0].counts.samples: expected correctAtRound0 + wrongAtRound0 + errorsAtRound0 = 5 + 11 + 0 = 16,"
                        + " found 17: the counts do not add up");
    }

    @Test
    void categoriesMustAddUpToTheirBenchmark() {
        assertRefused(root -> ((ObjectNode) root.withArray("benchmarks").get(0)).withArray("perCategory").remove(0),
                "benchmarks[0].perCategory: the categories' counts.samples add up to 15, but benchmarks[0].counts.samples is 16");
    }

    @Test
    void resultsWithNoBenchmarksAreRefused() {
        assertRefused(root -> root.withArray("benchmarks").removeAll(),
                "benchmarks: expected at least one benchmark, found none: the run measured nothing");
    }

    @Test
    void theSchemaVersionMustBeANumber() {
        assertRefused(root -> root.put("schemaVersion", "1"), "schemaVersion: expected a whole number >= 1, found \"1\"");
    }

    @Test
    void theRunIdIsRead() throws Exception {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(ENGINE_OUTPUT.toFile());
        root.put("runId", "20250101T000000Z-abc");
        Path file = dir.resolve("results.json");
        new ObjectMapper().writeValue(file.toFile(), root);

        assertThat(ResultsFile.read(file).runId()).isEqualTo("20250101T000000Z-abc");
        assertThat(ResultsFile.read(ENGINE_OUTPUT).runId()).isNull();
    }

    @Test
    void theMaintenanceControlIsReadWhenPresentAndChecked() throws Exception {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(ENGINE_OUTPUT.toFile());
        maintenance(root, 4, 3, 1, 0.75, 0.3, 0.95);
        Path file = dir.resolve("results.json");
        new ObjectMapper().writeValue(file.toFile(), root);

        Figure kept = ResultsFile.read(file).benchmarks().get(0).figures().get(Counter.MAINTENANCE_RATE);
        assertThat(kept.successes()).isEqualTo(3);
        assertThat(kept.trials()).isEqualTo(4);
        assertThat(kept.value()).isEqualTo(0.75);
        assertThat(ResultsFile.read(ENGINE_OUTPUT).benchmarks().get(0).figures().get(Counter.MAINTENANCE_RATE).defined())
                .as("a run without the control").isFalse();
        assertRefused(r -> maintenance(r, 4, 3, 1, 0.5, 0.3, 0.95),
                "benchmarks[0].maintenance.rate.value: expected maintenance.kept / maintenance.tested = 3 / 4 = 0.75, found 0.5");
        assertRefused(r -> maintenance(r, 5, 3, 1, 0.6, 0.3, 0.95), "benchmarks[0].maintenance: expected tested + errors"
                + " = 5 + 1 to be at most counts.correctAtRound0 (5): the control runs only on samples right at round 0");
        assertRefused(r -> maintenance(r, 2, 3, 0, 1, 0.3, 1), "benchmarks[0].maintenance.kept: expected at most tested (2), found 3");
    }

    private static void maintenance(ObjectNode root, long tested, long kept, long errors, double value, double low, double high) {
        ObjectNode maintenance = ((ObjectNode) root.withArray("benchmarks").get(0)).putObject("maintenance");
        maintenance.put("tested", tested).put("kept", kept).put("errors", errors);
        maintenance.putObject("rate").put("value", value).put("low", low).put("high", high);
    }

    private void assertRefused(Consumer<ObjectNode> change, String message) {
        Path file = dir.resolve("results.json");
        assertThatThrownBy(() -> {
            ObjectNode root = (ObjectNode) new ObjectMapper().readTree(ENGINE_OUTPUT.toFile());
            change.accept(root);
            new ObjectMapper().writeValue(file.toFile(), root);
            ResultsFile.read(file);
        }).isInstanceOf(ResultsFormatException.class).hasMessage(file + ": " + message);
    }

    private static ObjectNode rate(ObjectNode root, int benchmark, String field) {
        return (ObjectNode) root.withArray("benchmarks").get(benchmark).get(field);
    }

    private static ObjectNode counts(ObjectNode root, int benchmark) {
        return (ObjectNode) root.withArray("benchmarks").get(benchmark).get("counts");
    }
}
