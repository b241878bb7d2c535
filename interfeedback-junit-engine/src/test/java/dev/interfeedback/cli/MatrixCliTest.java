package dev.interfeedback.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.junit.InterFeedbackTestEngine;
import dev.interfeedback.junit.fixtures.MatrixBenchmark;
import dev.interfeedback.testing.MatrixTotals;
import dev.interfeedback.testing.LoopbackChat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The command line runs a matrix from the list keys as the engine runs the same matrix: the same
 * cell ids and figures, each model's round-0 answers asked once, and the run's token totals equal
 * to what the server on loopback billed.
 */
class MatrixCliTest {

    static final int SAMPLES = 10;
    static final List<String> RECEIVERS = List.of("r1", "r2", "r3");
    static final List<String> PROVIDERS = List.of("strong", "p2");

    @TempDir
    Path dir;

    @RegisterExtension
    final LoopbackChat loopback = new LoopbackChat().withDataset(() -> dir.resolve("data"), SAMPLES);

    @Test
    void theListKeysRunOneBenchmarkPerCellSharingEachModelsRound0Answers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>();
        settings().forEach((key, value) -> args.add(key + "=" + value));
        args.add("interfeedback.dataset=" + dir.resolve("data/dataset.jsonl"));
        args.add("interfeedback.output.dir=" + dir.resolve("cli"));
        int exit = new InterFeedbackCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                name -> null).run(args.toArray(String[]::new));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();

        // R + P passes over the dataset at round 0, each sample asked once per model
        Map<String, Integer> roundZero = new HashMap<>();
        loopback.server().requestsBySignature().forEach((signature, count) -> {
            if (signature.endsWith("|answer|0")) roundZero.put(signature, count);
        });
        assertThat(roundZero).hasSize((RECEIVERS.size() + PROVIDERS.size()) * SAMPLES);
        assertThat(roundZero.values()).containsOnly(1);

        JsonNode cli = new ObjectMapper().readTree(dir.resolve("cli/results.json").toFile());
        long[] billed = loopback.server().billedTokens();
        assertThat(billed[0]).as("prompt tokens the server billed").isPositive();
        assertThat(MatrixTotals.sum(cli, "prompt")).isEqualTo(billed[0]);
        assertThat(MatrixTotals.sum(cli, "completion")).isEqualTo(billed[1]);
        assertThat(MatrixTotals.cells(cli, "prompt")).isGreaterThan(billed[0]);

        Map<String, String> engineSettings = settings();
        engineSettings.put("interfeedback.basedir", dir.resolve("data").toString());
        engineSettings.put("interfeedback.output.dir", dir.resolve("engine").toString());
        EngineTestKit.engine(new InterFeedbackTestEngine()).selectors(selectClass(MatrixBenchmark.class))
                .configurationParameters(engineSettings).execute();
        JsonNode engine = new ObjectMapper().readTree(dir.resolve("engine/results.json").toFile());

        assertThat(cli.path("benchmarks")).hasSize(12);
        assertThat(engine.path("benchmarks")).hasSize(12);
        for (JsonNode cell : cli.path("benchmarks")) {
            String key = cell.path("cell").asText();
            assertThat(cell.path("matrix").asText()).isEqualTo("dataset");
            assertThat(cell.path("id").asText()).isEqualTo("dataset[" + key + "]");
            JsonNode same = byCell(engine, key);
            for (String field : List.of("receiver", "provider")) {
                assertThat(cell.path(field).path("alias")).isEqualTo(same.path(field).path("alias"));
                assertThat(cell.path(field).path("tokens")).as(key + " " + field).isEqualTo(same.path(field).path("tokens"));
            }
            for (String field : List.of("feedback", "maxRounds", "counts", "accuracy", "correctionRate", "errorRate",
                    "perRound", "perCategory", "providerAccuracy", "chanceCorrection")) {
                assertThat(cell.path(field)).as(key + " " + field).isEqualTo(same.path(field));
            }
        }
        // either path bills the run once for each model's round-0 pass
        assertThat(MatrixTotals.sum(engine, "prompt")).isEqualTo(MatrixTotals.sum(cli, "prompt"));
        assertThat(cli.path("totals")).isEqualTo(engine.path("totals"));
    }

    @Test
    void aShardedMatrixMergesIntoTheCellsOfTheUnshardedRunAndItsTotalsAreWhatTheShardsWereBilled() throws Exception {
        assertThat(cli("whole")).isZero();
        long billedWhole = loopback.server().billedTokens()[0];
        assertThat(cli("shard-1", "interfeedback.shard=1/2")).isZero();
        assertThat(cli("shard-2", "interfeedback.shard=2/2")).isZero();
        long billedShards = loopback.server().billedTokens()[0] - billedWhole;
        assertThat(new InterFeedbackCli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), name -> null)
                .run(new String[] {"merge", "--into", dir.resolve("merged").toString(), dir.resolve("shard-1").toString(),
                        dir.resolve("shard-2").toString()})).isZero();

        JsonNode whole = new ObjectMapper().readTree(dir.resolve("whole/results.json").toFile());
        JsonNode merged = new ObjectMapper().readTree(dir.resolve("merged/results.json").toFile());
        assertThat(merged.path("benchmarks")).hasSize(12);
        for (JsonNode cell : merged.path("benchmarks")) {
            JsonNode same = byCell(whole, cell.path("cell").asText());
            for (String field : List.of("id", "matrix", "cell", "counts", "accuracy", "correctionRate", "perRound", "perCategory")) {
                assertThat(cell.path(field)).as(field).isEqualTo(same.path(field));
            }
        }
        // A cell's samples hash to shards by the cell's id: a shard shares round-0 answers only
        // among the cells it holds, so the shards together asked more than the unsharded run.
        assertThat(MatrixTotals.sum(merged, "prompt")).isEqualTo(billedShards).isGreaterThan(MatrixTotals.sum(whole, "prompt"));
    }

    private int cli(String output, String... extra) {
        List<String> args = new ArrayList<>();
        settings().forEach((key, value) -> args.add(key + "=" + value));
        args.add("interfeedback.dataset=" + dir.resolve("data/dataset.jsonl"));
        args.add("interfeedback.output.dir=" + dir.resolve(output));
        args.addAll(List.of(extra));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new InterFeedbackCli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), name -> null).run(args.toArray(String[]::new));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return exit;
    }

    private static JsonNode byCell(JsonNode results, String key) {
        for (JsonNode b : results.path("benchmarks")) if (b.path("cell").asText().equals(key)) return b;
        throw new AssertionError("no cell " + key + " in " + results);
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        for (String alias : List.of("r1", "r2", "r3", "strong", "p2")) {
            settings.put("interfeedback.model." + alias + ".url", loopback.server().baseUrl());
            settings.put("interfeedback.model." + alias + ".name", alias);
        }
        settings.put("interfeedback.receivers", String.join(",", RECEIVERS));
        settings.put("interfeedback.providers", String.join(",", PROVIDERS));
        settings.put("interfeedback.feedbacks", "binary,detailed");
        settings.put("interfeedback.rounds", "2");
        // The server's counts show what is shared; the response cache would hide it.
        settings.put("interfeedback.cache.enabled", "false");
        return settings;
    }
}
