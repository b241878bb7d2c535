package dev.interfeedback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
    void aBadRoundsValueIsNamed() {
        int exit = run(Map.of(), "interfeedback.dataset=" + MATHVERSE, "interfeedback.rounds=three",
                "interfeedback.model.receiver.url=simulator:", "interfeedback.model.provider.url=simulator:");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("interfeedback.rounds").contains("\"three\"");
    }

    private int run(Map<String, String> environment, String... args) {
        return new InterFeedbackCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment::get).run(args);
    }
}
