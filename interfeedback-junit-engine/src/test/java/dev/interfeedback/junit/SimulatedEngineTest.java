package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.testing.ToldEpisodes;
import dev.interfeedback.bench.BenchmarkRunner;
import dev.interfeedback.config.RunnerFactory;
import dev.interfeedback.config.Settings;
import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.JsonlDatasetLoader;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.RoundListener;
import dev.interfeedback.junit.fixtures.SimulatedBenchmark;
import dev.interfeedback.junit.surefire.FourOptionsBenchmarkTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** The engine against the offline simulator, whose seeded answers make every count exact. */
class SimulatedEngineTest {

    static final Map<String, String> MODELS = Map.of(
            "interfeedback.model.sim-receiver.url", "simulator:?accuracy=0.4&binary-fix=0.3&eliminate=false&seed=11",
            "interfeedback.model.sim-provider.url", "simulator:?accuracy=0.7&seed=5");

    @TempDir
    Path output;

    @Test
    void everySampleIsOneTestAndPublishesItsRoundsAsTheReceiverAnswers() {
        EngineExecutionResults results = run(Map.of(), SimulatedBenchmark.class);

        // 12 samples: 2 right at round 0, 3 corrected, 3 not corrected in 2 rounds, 4 outside the test set
        assertThat(Tally.samples(results)).isEqualTo(new Tally(8, 5, 3, 4, 0));
        results.testEvents().assertStatistics(stats -> stats
                .started(8).succeeded(5).failed(3).skipped(4).aborted(0).dynamicallyRegistered(0));
        assertThat(Tally.rounds(results)).isEqualTo(18);
        assertThat(Tally.rounds(results, "q02")).containsExactly("round 0: answered D (wrong)",
                "round 1: answered C (right) after \"Your previous answer is incorrect. Please reconsider and answer again.\"");
        assertThat(LoopbackEngineTest.throwable(results, "q04")).hasMessage(
                "not corrected within 2 feedback rounds; the receiver (sim-receiver) answered "
                        + "round 0: B, round 1: B, round 2: B; ground truth: A");
    }

    /** The engine's verdicts are the core's: the same runner, outside JUnit, gives the same statuses. */
    @Test
    void eachVerdictIsTheVerdictOfTheCoresEpisode() throws Exception {
        EngineExecutionResults results = run(Map.of(), SimulatedBenchmark.class);

        Map<String, String> expected = new TreeMap<>();
        coreStatuses().forEach((id, status) -> expected.put(id, switch (status) {
            case CORRECT_AT_ROUND_0, CORRECTED -> "SUCCESSFUL";
            case NOT_CORRECTED -> "FAILED";
            case EXCLUDED -> "SKIPPED";
            case ERROR -> "ABORTED";
        }));
        assertThat(engineVerdicts(results)).isEqualTo(expected);
    }

    @Test
    void oneAtATimeGivesTheSameVerdictsAsConcurrently() {
        Map<String, String> concurrent = engineVerdicts(run(Map.of(), SimulatedBenchmark.class));
        Map<String, String> sequential = engineVerdicts(run(Map.of("interfeedback.parallel", "false"), SimulatedBenchmark.class));

        assertThat(sequential).isEqualTo(concurrent);
    }

    @Test
    void configurationParametersOverrideTheAnnotation() {
        // The annotation says 2 rounds of binary feedback; 1 round leaves more uncorrected.
        EngineExecutionResults results = run(Map.of("interfeedback.rounds", "1"), SimulatedBenchmark.class);

        assertThat(Tally.rounds(results)).isLessThan(18);
        assertThat(LoopbackEngineTest.throwable(results, "q04")).hasMessageContaining("within 1 feedback rounds");
    }

    @Test
    void resultsAndEpisodesOfEveryBenchmarkOfTheRunAreWritten() throws Exception {
        Map<String, String> parameters = new HashMap<>(MODELS);
        parameters.put("interfeedback.model.surefire-receiver.url", "simulator:?accuracy=0.4&eliminate=true&seed=3");
        parameters.put("interfeedback.model.surefire-provider.url", "simulator:?accuracy=0.8&seed=4");
        parameters.put("interfeedback.output.dir", output.toString());
        parameters.put("interfeedback.model.sim-receiver.price.prompt-per-million", "2.5");
        parameters.put("interfeedback.model.sim-receiver.price.completion-per-million", "10");
        parameters.put("interfeedback.price.currency", "EUR");
        EngineExecutionResults results = EngineTestKit.engine(new InterFeedbackTestEngine())
                .selectors(selectClass(SimulatedBenchmark.class), selectClass(FourOptionsBenchmarkTest.class))
                .configurationParameters(parameters)
                .execute();

        // The benchmark Surefire runs must pass: elimination corrects every test-set sample by round 3.
        assertThat(Tally.samples(results)).isEqualTo(new Tally(17, 14, 3, 7, 0));

        JsonNode json = new ObjectMapper().readTree(output.resolve("results.json").toFile());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("benchmarks").findValuesAsText("id"))
                .containsExactly("FourOptionsBenchmarkTest", "SimulatedBenchmark");
        JsonNode simulated = json.get("benchmarks").get(1);
        assertThat(simulated.get("counts").get("samples").asInt()).isEqualTo(12);
        assertThat(simulated.get("counts").get("testSet").asInt()).isEqualTo(6);
        assertThat(simulated.get("counts").get("corrected").asInt()).isEqualTo(3);
        assertThat(simulated.get("maxRounds").asInt()).isEqualTo(2);
        // Prices of the run's aliases reach results.json on the engine's path too.
        JsonNode receiver = simulated.get("receiver");
        double expectedCost = (receiver.get("tokens").get("prompt").asLong() * 2.5
                + receiver.get("tokens").get("completion").asLong() * 10.0) / 1_000_000;
        assertThat(simulated.get("cost").get("currency").asText()).isEqualTo("EUR");
        assertThat(simulated.get("cost").get("receiver").asDouble()).isCloseTo(expectedCost, within(1e-12)).isPositive();
        assertThat(simulated.get("cost").get("provider").isNull()).as("no price, no estimate").isTrue();

        List<String> episodes = Files.readAllLines(output.resolve("episodes.jsonl"));
        assertThat(episodes).hasSize(24);
        assertThat(episodes.stream().filter(line -> line.contains("\"benchmark\":\"SimulatedBenchmark\""))).hasSize(12);

        // a transcripts file per benchmark, published on the benchmark; every sample's transcript in it
        List<Path> transcripts = results.allEvents().stream()
                .filter(e -> e.getType() == EventType.FILE_ENTRY_PUBLISHED)
                .peek(e -> assertThat(Tally.kind(e.getTestDescriptor().getUniqueId())).isEqualTo("benchmark"))
                .map(e -> e.getRequiredPayload(FileEntry.class).getPath())
                .toList();
        assertThat(transcripts).hasSize(2).allMatch(Files::isRegularFile)
                .contains(output.resolve("transcripts/SimulatedBenchmark.txt"));
        assertThat(Tally.transcript(results, "SimulatedBenchmark", "q04")).startsWith("benchmark: SimulatedBenchmark\nsample: q04 [")
                .contains("status: NOT_CORRECTED").contains("ground truth: A").contains("=== round 2 ===")
                .doesNotContain("sample: q05");
        // the skipped samples' transcripts are there too, with the rest: one per sample
        assertThat(Files.readAllLines(output.resolve("transcripts/SimulatedBenchmark.txt")))
                .filteredOn(line -> line.startsWith("sample: ")).hasSize(12);
    }

    private Map<String, EpisodeStatus> coreStatuses() throws InterruptedException {
        Map<String, String> values = new HashMap<>(MODELS);
        values.put(Settings.RECEIVER, "sim-receiver");
        values.put(Settings.PROVIDER, "sim-provider");
        values.put(Settings.FEEDBACK, "binary");
        values.put(Settings.ROUNDS, "2");
        BenchmarkRunner runner = RunnerFactory.create(new Settings(key -> Optional.ofNullable(values.get(key))), name -> null);
        Dataset dataset = new JsonlDatasetLoader().load(Path.of("src/test/resources/datasets/four-options.jsonl"));
        ToldEpisodes told = new ToldEpisodes();
        runner.run("core", dataset, RoundListener.NONE, told);
        return told.inOrderOf(dataset).stream().collect(Collectors.toMap(e -> e.sampleId(), e -> e.status()));
    }

    static Map<String, String> engineVerdicts(EngineExecutionResults results) {
        Map<String, String> verdicts = new TreeMap<>();
        Tally.events(results, "sample").forEach((Event e) -> {
            String id = e.getTestDescriptor().getUniqueId().getLastSegment().getValue();
            if (e.getType() == EventType.SKIPPED) verdicts.put(id, "SKIPPED");
            if (e.getType() == EventType.FINISHED) {
                verdicts.put(id, e.getRequiredPayload(TestExecutionResult.class).getStatus().name());
            }
        });
        return verdicts;
    }

    private EngineExecutionResults run(Map<String, String> extra, Class<?> benchmark) {
        Map<String, String> parameters = new HashMap<>(MODELS);
        parameters.put("interfeedback.output.dir", output.toString());
        parameters.putAll(extra);
        return EngineTestKit.engine(new InterFeedbackTestEngine())
                .selectors(selectClass(benchmark))
                .configurationParameters(parameters)
                .execute();
    }
}
