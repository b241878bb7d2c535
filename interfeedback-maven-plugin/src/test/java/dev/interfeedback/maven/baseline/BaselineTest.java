package dev.interfeedback.maven.baseline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.maven.results.ResultsFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownStatusIsRefusedNamingTheSample() throws Exception {
        Path file = Files.writeString(dir.resolve("baseline.json"),
                "{\"schemaVersion\": 1, \"benchmarks\": {\"b\": {\"samples\": {\"s1\": \"CORRECTED\", \"s2\": \"PASSED\"}}}}");

        assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(ResultsFormatException.class)
                .hasMessage(file + ": benchmarks.b.samples.s2: expected one of [CORRECTED, CORRECT_AT_ROUND_0, ERROR,"
                        + " EXCLUDED, NOT_CORRECTED], found \"PASSED\"");
    }

    @Test
    void anUnknownSchemaVersionIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("baseline.json"), "{\"schemaVersion\": 3, \"benchmarks\": {}}");

        assertThatThrownBy(() -> Baseline.read(file)).hasMessage(file + ": schemaVersion: 3 is not supported; this plugin reads 1");
    }

    @Test
    void aBenchmarkWithoutSamplesIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("baseline.json"), "{\"schemaVersion\": 1, \"benchmarks\": {\"b\": []}}");

        assertThatThrownBy(() -> Baseline.read(file)).hasMessage(file + ": benchmarks.b: expected an object, found []");
    }
}
