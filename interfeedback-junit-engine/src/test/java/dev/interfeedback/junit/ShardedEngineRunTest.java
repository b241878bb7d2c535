package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.bench.shard.ShardMerge;
import dev.interfeedback.junit.fixtures.LoopbackBenchmark;
import dev.interfeedback.junit.fixtures.SimulatedBenchmark;
import dev.interfeedback.testing.KilledRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Two benchmarks (one on the loopback server, with errors, one on the simulator) run through the
 * engine whole and as 3 shards, one set by {@code interfeedback.shard}, one by GitLab's variables:
 * each shard runs only its samples as tests, and the merge equals the unsharded run.
 */
class ShardedEngineRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    ScriptedServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void threeShardsRunTheirSamplesAsTestsAndMergeIntoTheUnshardedRun() throws Exception {
        EngineExecutionResults whole = run(dir.resolve("whole"), Map.of(), name -> null);
        long samples = whole.testEvents().started().count();

        List<Path> shards = new ArrayList<>();
        long shardTests = 0;
        for (int k = 1; k <= 3; k++) {
            Path out = dir.resolve("shard-" + k);
            shards.add(out);
            String index = String.valueOf(k);
            // Shard 2 from GitLab's variables, the others from the setting (which would win over them).
            EngineExecutionResults shard = k == 2
                    ? run(out, Map.of(), Map.of("CI_NODE_INDEX", index, "CI_NODE_TOTAL", "3")::get)
                    : run(out, Map.of("interfeedback.shard", k + "/3"), Map.of("CI_NODE_INDEX", "2", "CI_NODE_TOTAL", "3")::get);
            long tests = shard.testEvents().started().count();
            assertThat(tests).isLessThan(samples);
            shardTests += tests;
            JsonNode manifest = JSON.readTree(out.resolve("shard.json").toFile());
            assertThat(manifest.path("shard").asText()).isEqualTo(k + "/3");
            assertThat(manifest.path("benchmarks")).extracting(b -> b.path("id").asText()).containsExactly("SimulatedBenchmark", "loopback");
            assertThat(manifest.path("benchmarks")).allSatisfy(b -> assertThat(b.path("finished").asBoolean()).isTrue());
        }
        assertThat(shardTests).isEqualTo(samples);

        Path merged = dir.resolve("merged");
        ShardMerge.merge(shards, merged);
        assertThat(KilledRuns.results(merged.resolve("results.json"))).isEqualTo(KilledRuns.results(dir.resolve("whole/results.json")));
        assertThat(KilledRuns.sortedLines(merged.resolve("episodes.jsonl")))
                .isEqualTo(KilledRuns.sortedLines(dir.resolve("whole/episodes.jsonl")));
        // every shard's transcripts, one after the other in the benchmark's file
        assertThat(Files.readAllLines(merged.resolve("transcripts/loopback.txt")))
                .filteredOn(line -> line.startsWith("sample: "))
                .extracting(line -> line.split(" ")[1])
                .hasSize(6).doesNotHaveDuplicates().contains("loop-never", "loop-right");
        assertThat(merged.resolve("round-zero/loopback.json")).exists();
    }

    @Test
    void aBadShardFailsEveryBenchmarkNamingTheSetting() {
        EngineExecutionResults results = run(dir.resolve("bad"), Map.of("interfeedback.shard", "4/3"), name -> null);
        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(results.containerEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage()))
                .hasSize(2)
                .allSatisfy(message -> assertThat(message).contains("interfeedback.shard: expected K/N with K from 1 to N")
                        .contains("found \"4/3\""));
    }

    private EngineExecutionResults run(Path out, Map<String, String> extra, Function<String, String> environment) {
        Map<String, String> parameters = new HashMap<>(server.models());
        parameters.put("interfeedback.output.dir", out.toString());
        parameters.put("interfeedback.cache.enabled", "false");
        parameters.put("interfeedback.retry.initial-backoff-ms", "1");
        parameters.put("interfeedback.retry.max-backoff-ms", "5");
        parameters.put("interfeedback.model.sim-receiver.url", "simulator:?accuracy=0.3&seed=3");
        parameters.put("interfeedback.model.sim-provider.url", "simulator:?accuracy=0.9&seed=4");
        parameters.putAll(extra);
        return EngineTestKit.engine(new InterFeedbackTestEngine(environment))
                .selectors(selectClass(LoopbackBenchmark.class), selectClass(SimulatedBenchmark.class))
                .configurationParameters(parameters)
                .execute();
    }
}
