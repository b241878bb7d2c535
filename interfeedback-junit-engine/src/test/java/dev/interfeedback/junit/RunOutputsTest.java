package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.junit.fixtures.UnknownAliasBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The files in the output directory are all of one run, or absent. */
class RunOutputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path output;

    @Test
    void aRunThatFailsOnConfigurationLeavesNoResultsOfTheRunBefore() throws IOException {
        run(Map.of("interfeedback.receiver", "sim-receiver"));
        assertThat(output.resolve("results.json")).exists();
        assertThat(output.resolve("transcripts")).isNotEmptyDirectory();

        run(Map.of());

        assertThat(output.resolve("results.json")).doesNotExist();
        assertThat(output.resolve("transcripts")).doesNotExist();
        assertThat(Files.readAllLines(output.resolve("episodes.jsonl"))).isEmpty();
    }

    @Test
    void resultsAndEveryEpisodeNameTheirRun() throws IOException {
        run(Map.of("interfeedback.receiver", "sim-receiver"));
        String first = runIdOfAllFiles();

        run(Map.of("interfeedback.receiver", "sim-receiver"));

        assertThat(runIdOfAllFiles()).isNotBlank().isNotEqualTo(first);
    }

    /** The run id of results.json, which every line of episodes.jsonl must share. */
    private String runIdOfAllFiles() throws IOException {
        String runId = JSON.readTree(output.resolve("results.json").toFile()).path("runId").asText();
        List<String> lines = Files.readAllLines(output.resolve("episodes.jsonl"));
        assertThat(lines).isNotEmpty();
        for (String line : lines) assertThat(JSON.readTree(line).path("runId").asText()).isEqualTo(runId);
        return runId;
    }

    private void run(Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(SimulatedEngineTest.MODELS);
        parameters.put("interfeedback.output.dir", output.toString());
        parameters.putAll(extra);
        EngineTestKit.engine(new InterFeedbackTestEngine(name -> null))
                .selectors(selectClass(UnknownAliasBenchmark.class))
                .configurationParameters(parameters)
                .execute();
    }
}
