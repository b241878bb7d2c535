package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.junit.fixtures.HumanBenchmark;
import dev.interfeedback.testing.HumanScripts;
import dev.interfeedback.testing.LoopbackChat;
import dev.interfeedback.testing.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A human session replayed from a recording, through the engine, against a scripted receiver on loopback. */
class HumanSessionEngineTest {

    private static final int SAMPLES = 24;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final LoopbackChat loopback = new LoopbackChat().withDataset(() -> dir.resolve("human"), SAMPLES);

    @Test
    void aRecordedSessionRunsAsABenchmarkAndEverySampleIsCorrectedByRoundThree() throws Exception {
        Path script = HumanScripts.write(dir.resolve("recorded.jsonl"), SAMPLES, "ana");
        long[] expected = HumanScripts.firstCorrections("weak", SAMPLES);
        assertThat(expected[1] + expected[2] + expected[3]).as("the dataset has round-0 errors to correct").isGreaterThan(5);
        assertThat(expected[3]).as("some are corrected only when told").isPositive();

        EngineExecutionResults results = run(Map.of("interfeedback.human.script", script.toString()));

        results.testEvents().assertStatistics(stats -> stats.started(SAMPLES).succeeded(SAMPLES).failed(0).skipped(0).aborted(0));
        JsonNode benchmark = JSON.readTree(dir.resolve("out/results.json").toFile()).path("benchmarks").get(0);
        assertThat(benchmark.path("feedback").asText()).isEqualTo("human");
        assertThat(benchmark.path("provider").path("alias").asText()).isEqualTo("human");
        assertThat(benchmark.path("counts").path("wrongAtRound0").asLong()).isEqualTo(SAMPLES - expected[0]);
        assertThat(benchmark.path("counts").path("testSet").asLong()).as("every round-0 error").isEqualTo(SAMPLES - expected[0]);
        assertThat(benchmark.path("counts").path("excluded").asLong()).isZero();
        assertThat(benchmark.path("perRound").findValuesAsText("corrected"))
                .containsExactly(String.valueOf(expected[1]), String.valueOf(expected[2]), String.valueOf(expected[3]));
        assertThat(benchmark.path("correctionRate").path("value").asDouble()).isEqualTo(1.0);
        double sum = 0;
        for (JsonNode round : benchmark.path("perRound")) sum += round.path("rate").asDouble();
        assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));

        assertThat(loopback.server().requestsBySignature().keySet()).as("no provider model is asked").noneMatch(s -> s.startsWith("strong|"));
        List<String> episodes = Files.readAllLines(dir.resolve("out/episodes.jsonl"));
        JsonNode lastCorrected = episodes.stream().map(this::json)
                .filter(e -> e.path("correctedAtRound").asInt() == 3).findFirst().orElseThrow();
        JsonNode round3 = lastCorrected.path("rounds").get(3);
        assertThat(round3.path("feedback").asText()).contains("The correct answer is (");
        assertThat(round3.path("annotator").asText()).isEqualTo("ana");
        assertThat(round3.path("writtenAt").asText()).isEqualTo("2026-01-01T10:03:00Z");
        assertThat(round3.path("durationMs").asLong()).isEqualTo(3000);
        assertThat(lastCorrected.path("rounds").get(0).has("annotator")).as("round 0 has no feedback").isFalse();
    }

    @Test
    void aHumanBenchmarkWithNeitherAPageNorARecordingFailsAtItsStartInsteadOfWaiting() {
        EngineExecutionResults results = run(Map.of());

        results.testEvents().assertStatistics(stats -> stats.started(0));
        Throwable failure = results.containerEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .findFirst().orElseThrow();
        assertThat(failure).hasMessageContaining("interfeedback.feedback=human needs a person or a recording")
                .hasMessageContaining("interfeedback:human");
        assertThat(loopback.server().requests()).isZero();
    }

    @Test
    void thePapersProtocolHasExactlyThreeRounds() {
        EngineExecutionResults results = run(Map.of("interfeedback.rounds", "2", "interfeedback.human.script",
                dir.resolve("none.jsonl").toString()));

        Throwable failure = results.containerEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .findFirst().orElseThrow();
        assertThat(failure).hasMessageContaining("interfeedback.rounds: the interfeedback-human protocol has exactly 3 rounds");
    }

    @Test
    void aFreeSessionWhoseRecordingLacksATaskEndsThatSampleAsAnErrorNamingTheFile() throws Exception {
        Path script = dir.resolve("partial.jsonl");
        Files.writeString(script, "");
        EngineExecutionResults results = run(Map.of("interfeedback.human.protocol", "free", "interfeedback.rounds", "1",
                "interfeedback.human.script", script.toString()));

        long errors = SAMPLES - HumanScripts.firstCorrections("weak", SAMPLES)[0];
        results.testEvents().assertStatistics(stats -> stats.aborted(errors));
        JsonNode benchmark = JSON.readTree(dir.resolve("out/results.json").toFile()).path("benchmarks").get(0);
        assertThat(benchmark.path("counts").path("errorsAfterRound0").asLong()).isEqualTo(errors);
        String episodes = Files.readString(dir.resolve("out/episodes.jsonl"));
        assertThat(episodes).contains("has no text for sample").contains(script.toString());
    }

    private JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    private EngineExecutionResults run(Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(TestSettings.forServer(loopback.server().baseUrl(), null));
        parameters.put("interfeedback.basedir", dir.toString());
        parameters.put("interfeedback.output.dir", dir.resolve("out").toString());
        parameters.putAll(extra);
        return EngineTestKit.engine(new InterFeedbackTestEngine()).selectors(selectClass(HumanBenchmark.class))
                .configurationParameters(parameters).execute();
    }
}
