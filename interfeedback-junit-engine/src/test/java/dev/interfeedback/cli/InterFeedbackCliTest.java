package dev.interfeedback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterFeedbackCliTest {

    private static final String MATHVERSE = "../sample-project/src/test/resources/datasets/mathverse-text-only-sample.jsonl";

    @TempDir
    Path output;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void runsABenchmarkOnTheSimulatorAndWritesTheContractFiles() throws IOException {
        int exit = run(Map.of(), "interfeedback.dataset=" + MATHVERSE,
                "interfeedback.model.receiver.url=simulator:?accuracy=0.4&seed=5",
                "interfeedback.model.provider.url=simulator:?accuracy=0.9",
                "interfeedback.output.dir=" + output);

        assertThat(exit).as(err.toString()).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("accuracy", "correction rate", "round 1", "round 3", "simulated");

        JsonNode results = new ObjectMapper().readTree(output.resolve("results.json").toFile());
        assertThat(results.get("schemaVersion").asInt()).isEqualTo(1);
        JsonNode benchmark = results.get("benchmarks").get(0);
        assertThat(benchmark.get("id").asText()).isEqualTo("mathverse-text-only-sample");
        assertThat(benchmark.get("feedback").asText()).isEqualTo("detailed");
        assertThat(benchmark.get("maxRounds").asInt()).isEqualTo(3);
        assertThat(benchmark.get("receiver").get("simulated").asBoolean()).isTrue();
        JsonNode counts = benchmark.get("counts");
        assertThat(counts.get("samples").asInt()).isEqualTo(48);
        assertThat(counts.get("correctAtRound0").asInt() + counts.get("wrongAtRound0").asInt()).isEqualTo(48);
        double rate = benchmark.get("correctionRate").get("value").asDouble();
        assertThat(rate).isEqualTo(counts.get("corrected").asDouble() / counts.get("testSet").asDouble());
        assertThat(benchmark.get("correctionRate").get("low").asDouble()).isLessThanOrEqualTo(rate);
        assertThat(benchmark.get("perRound")).hasSize(3);
        assertThat(benchmark.get("perCategory")).extracting(c -> c.get("category").asText())
                .contains("Plane Geometry", "Functions");

        List<String> episodes = Files.readAllLines(output.resolve("episodes.jsonl"));
        assertThat(episodes).hasSize(48);
        JsonNode first = new ObjectMapper().readTree(episodes.get(0));
        assertThat(first.get("benchmark").asText()).isEqualTo("mathverse-text-only-sample");
        assertThat(first.get("status").asText()).isIn("CORRECT_AT_ROUND_0", "CORRECTED", "NOT_CORRECTED", "EXCLUDED");
        assertThat(first.get("rounds").get(0).has("extracted")).isTrue();
        // Each round says how its verdict was reached; results.json counts who decided them.
        assertThat(first.get("rounds").get(0).get("rule").asText()).isNotBlank();
        assertThat(first.get("rounds").get(0).get("certain").isBoolean()).isTrue();
        int rounds = 0;
        for (String line : episodes) {
            rounds += new ObjectMapper().readTree(line).get("rounds").size();
        }
        assertThat(benchmark.get("verdicts").get("rules").asInt()).isEqualTo(rounds);
        assertThat(benchmark.get("verdicts").get("judge").asInt()).isZero();
    }

    @Test
    void aRunThatFailsOnConfigurationLeavesNoResultsOfTheRunBefore() throws IOException {
        String[] good = {"interfeedback.dataset=" + MATHVERSE, "interfeedback.model.receiver.url=simulator:?accuracy=0.4",
                "interfeedback.model.provider.url=simulator:?accuracy=0.9", "interfeedback.output.dir=" + output};
        assertThat(run(Map.of(), good)).as(err.toString()).isZero();
        String runId = new ObjectMapper().readTree(output.resolve("results.json").toFile()).path("runId").asText();
        assertThat(runId).isNotBlank();
        assertThat(Files.readAllLines(output.resolve("episodes.jsonl")))
                .allSatisfy(line -> assertThat(new ObjectMapper().readTree(line).path("runId").asText()).isEqualTo(runId));

        int exit = run(Map.of(), "interfeedback.dataset=" + MATHVERSE, "interfeedback.receiver=candidate",
                "interfeedback.model.provider.url=simulator:", "interfeedback.output.dir=" + output);

        assertThat(exit).isEqualTo(2);
        assertThat(output.resolve("results.json")).doesNotExist();
        assertThat(output.resolve("episodes.jsonl")).doesNotExist();
    }

    @Test
    void anUnknownAliasNamesTheKeyToSet() {
        int exit = run(Map.of(), "interfeedback.dataset=" + MATHVERSE, "interfeedback.receiver=candidate",
                "interfeedback.model.provider.url=simulator:", "interfeedback.output.dir=" + output);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("alias \"candidate\"").contains("interfeedback.model.candidate.url");
    }

    @Test
    void aMissingKeyVariableIsNamedAndItsValueNeverPrinted() {
        int exit = run(Map.of("OTHER", "sk-secret"), "interfeedback.dataset=" + MATHVERSE,
                "interfeedback.model.receiver.url=http://127.0.0.1:9/v1", "interfeedback.model.receiver.name=m",
                "interfeedback.model.receiver.api-key-env=MY_KEY",
                "interfeedback.model.provider.url=simulator:", "interfeedback.output.dir=" + output);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("MY_KEY").doesNotContain("sk-secret");
    }

    @Test
    void anUnreadableDatasetIsNamed() {
        int exit = run(Map.of(), "interfeedback.dataset=no/such/file.jsonl",
                "interfeedback.model.receiver.url=simulator:", "interfeedback.model.provider.url=simulator:",
                "interfeedback.output.dir=" + output);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("file.jsonl");
    }

    @Test
    void onlyTheModelsTheRunCallsArePriced() {
        // Half a price is refused for a model the run calls, and not read for the judge of rule-based scoring.
        String halfPrice = "interfeedback.model.%s.price.prompt-per-million=2";
        int exit = run(Map.of(), "interfeedback.dataset=" + MATHVERSE, "interfeedback.model.receiver.url=simulator:",
                "interfeedback.model.provider.url=simulator:", "interfeedback.output.dir=" + output, halfPrice.formatted("judge"));
        assertThat(exit).as(err.toString()).isZero();

        exit = run(Map.of(), "interfeedback.dataset=" + MATHVERSE, "interfeedback.model.receiver.url=simulator:",
                "interfeedback.model.provider.url=simulator:", "interfeedback.output.dir=" + output, halfPrice.formatted("provider"));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("model 'provider': set both interfeedback.model.provider.price.prompt-per-million"
                + " and interfeedback.model.provider.price.completion-per-million");
    }

    @Test
    void aBadRoundsValueIsNamed() {
        int exit = run(Map.of(), "interfeedback.dataset=" + MATHVERSE, "interfeedback.rounds=three",
                "interfeedback.model.receiver.url=simulator:", "interfeedback.model.provider.url=simulator:");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("interfeedback.rounds").contains("\"three\"");
    }

    @Test
    void unknownKeysAreRefusedWithTheClosestKnownKey() {
        int exit = run(Map.of(), "interfeedback.dataset=" + MATHVERSE, "interfeedback.recevier=candidate",
                "interfeedback.model.recv.api_key_env=KEY", "interfeedback.retry.max-atempts=2",
                "interfeedback.model.receiver.url=simulator:", "interfeedback.model.provider.url=simulator:",
                "interfeedback.output.dir=" + output);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("interfeedback.recevier (did you mean interfeedback.receiver?)")
                .contains("interfeedback.model.recv.api_key_env (did you mean interfeedback.model.recv.api-key-env?)")
                .contains("interfeedback.retry.max-atempts (did you mean interfeedback.retry.max-attempts?)")
                .contains("in the arguments");
        assertThat(output.resolve("results.json")).doesNotExist();
    }

    @Test
    void anUnknownKeyInASettingsFileNamesTheFile() throws IOException {
        Path file = output.resolve("run.properties");
        Files.writeString(file, "interfeedback.dataset=" + Path.of(MATHVERSE).toAbsolutePath() + "\n"
                + "interfeedback.model.receiver.url=simulator:\ninterfeedback.model.provider.url=simulator:\n"
                + "interfeedback.rounds=2\ninterfeedback.roudns=3\n");

        int exit = run(Map.of(), file.toString(), "interfeedback.output.dir=" + output);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("interfeedback.roudns (did you mean interfeedback.rounds?)")
                .contains("settings file " + file);
    }

    @Test
    void anUnknownSystemPropertyIsRefused() {
        System.setProperty("interfeedback.feedbak", "binary");
        try {
            int exit = run(Map.of(), "interfeedback.dataset=" + MATHVERSE, "interfeedback.model.receiver.url=simulator:",
                    "interfeedback.model.provider.url=simulator:", "interfeedback.output.dir=" + output);

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString()).contains("interfeedback.feedbak (did you mean interfeedback.feedback?)")
                    .contains("-D system properties");
        } finally {
            System.clearProperty("interfeedback.feedbak");
        }
    }

    @Test
    void aWholeNumberOutOfRangeSaysTheRange() {
        int exit = run(Map.of(), "interfeedback.dataset=" + MATHVERSE, "interfeedback.rounds=99999999999",
                "interfeedback.model.receiver.url=simulator:", "interfeedback.model.provider.url=simulator:",
                "interfeedback.output.dir=" + output);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("interfeedback.rounds: expected a whole number between 1 and 100, found \"99999999999\"");
    }

    @Test
    void anOutputDirectoryThatIsAFileNamesTheSettingAndThePath() throws IOException {
        Path file = Files.writeString(output.resolve("results"), "not a folder");

        int exit = run(Map.of(), "interfeedback.dataset=" + MATHVERSE, "interfeedback.model.receiver.url=simulator:",
                "interfeedback.model.provider.url=simulator:", "interfeedback.output.dir=" + file.resolve("run"));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("interfeedback.output.dir").contains(file.toString()).contains("not a folder");
    }

    @Test
    void twoDatasetsWithOneFileNameGetIdsFromTheirFolders() throws IOException {
        Path a = copy(MATHVERSE, output.resolve("a/ds.jsonl"));
        Path b = copy(MATHVERSE, output.resolve("b/ds.jsonl"));

        int exit = run(Map.of(), "interfeedback.dataset=" + a + "," + b,
                "interfeedback.model.receiver.url=simulator:?accuracy=0.4", "interfeedback.model.provider.url=simulator:",
                "interfeedback.output.dir=" + output.resolve("out"));

        assertThat(exit).as(err.toString()).isZero();
        JsonNode results = new ObjectMapper().readTree(output.resolve("out/results.json").toFile());
        assertThat(results.get("benchmarks")).extracting(b2 -> b2.get("id").asText()).containsExactly("a-ds", "b-ds");
        assertThat(Files.readAllLines(output.resolve("out/episodes.jsonl")))
                .filteredOn(line -> line.contains("\"benchmark\":\"a-ds\"")).hasSize(48);
    }

    @Test
    void theSameDatasetListedTwiceIsRefused() {
        int exit = run(Map.of(), "interfeedback.dataset=" + MATHVERSE + "," + MATHVERSE,
                "interfeedback.model.receiver.url=simulator:", "interfeedback.model.provider.url=simulator:",
                "interfeedback.output.dir=" + output);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("interfeedback.dataset").contains("listed twice");
    }

    @Test
    void aRunWhoseCallsAllFailedExitsNonZeroNamingTheBenchmarkAndTheKey() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String[] args = {"interfeedback.dataset=" + MATHVERSE,
                "interfeedback.model.receiver.url=http://127.0.0.1:" + port + "/v1", "interfeedback.model.receiver.name=m",
                "interfeedback.model.provider.url=simulator:", "interfeedback.retry.max-attempts=1",
                "interfeedback.cache.enabled=false", "interfeedback.output.dir=" + output};

        int exit = run(Map.of(), args);

        assertThat(exit).as(out.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("benchmark mathverse-text-only-sample has 48 errors (failed calls) among 48 samples")
                .contains("interfeedback.max-error-rate=0%");

        err.reset();
        String[] tolerant = java.util.Arrays.copyOf(args, args.length + 1);
        tolerant[args.length] = "interfeedback.max-error-rate=100%";
        assertThat(run(Map.of(), tolerant)).as(err.toString()).isZero();
    }

    @Test
    void aJournalOfAnotherRunIsKeptAsideAndTheRestartIsSaid() throws IOException {
        Path journal = output.resolve("journal/mathverse-text-only-sample.jsonl");
        Files.createDirectories(journal.getParent());
        Files.writeString(journal, "{\"journal\":1,\"run\":\"a run of an older dataset\"}\n");

        int exit = run(Map.of(), "interfeedback.dataset=" + MATHVERSE, "interfeedback.model.receiver.url=simulator:",
                "interfeedback.model.provider.url=simulator:", "interfeedback.output.dir=" + output);

        assertThat(exit).as(err.toString()).isZero();
        Path kept = journal.resolveSibling("mathverse-text-only-sample.jsonl.superseded");
        assertThat(err.toString()).contains("WARNING").contains("changed since the interrupted run: starting afresh")
                .contains("the old journal is kept at " + kept);
        assertThat(kept).content().contains("a run of an older dataset");
    }

    private static Path copy(String from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        return Files.copy(Path.of(from), to);
    }

    private int run(Map<String, String> environment, String... args) {
        return new InterFeedbackCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment::get).run(args);
    }
}
