package dev.interfeedback.maven.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

    @TempDir
    Path dir;

    @Test
    void readsTheEngineOutput() throws Exception {
        List<BenchmarkSummary> results = ResultsFile.read(Path.of("src/test/resources/results.json"));

        assertThat(results).extracting(BenchmarkSummary::id).containsExactly("mmmu-pro-sample", "mathverse-text-only-sample");
        BenchmarkSummary mathverse = results.get(1);
        assertThat(mathverse.simulated()).isTrue();
        assertThat(mathverse.receiver()).isEqualTo("receiver (simulated)");
        assertThat(mathverse.figures().get(Counter.CORRECTION_RATE).successes()).isEqualTo(21);
        assertThat(mathverse.figures().get(Counter.CORRECTION_RATE).trials()).isEqualTo(22);
        assertThat(mathverse.perRound()).hasSize(3);
        assertThat(mathverse.categories()).extracting(Figures::name).contains("mathverse-text-only-sample/Functions");
    }

    /**
     * {@code results-with-errors.json}: 8 samples, 2 of them errors (both in category geometry,
     * of 4); its rates and intervals were computed by hand (Wilson 95%), not by the engine.
     */
    @Test
    void theErrorRateIsReadWithItsCounts() throws Exception {
        BenchmarkSummary flaky = ResultsFile.read(Path.of("src/test/resources/results-with-errors.json")).get(0);

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
        assertThatThrownBy(() -> ResultsFile.read(file)).hasMessageContaining("field \"benchmarks[0].perRound\": expected an array");
    }

    @Test
    void anotherSchemaVersionIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("results.json"), "{\"schemaVersion\": 2, \"benchmarks\": []}");
        assertThatThrownBy(() -> ResultsFile.read(file)).hasMessageContaining("schemaVersion 2 is not supported");
    }
}
