package dev.interfeedback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.testing.KilledRuns;
import dev.interfeedback.testing.ScriptedChatServer;
import dev.interfeedback.testing.SyntheticDataset;
import dev.interfeedback.testing.TestSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset run whole, and as 4 shards in 4 JVMs merged on the command line, against the scripted
 * server: the merged results.json equals the unsharded one field by field (run id aside), the
 * episodes are the same, and a rerun of the whole dataset from the merged outputs makes no call.
 */
class ShardedRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void fourShardsInFourJvmsMergeIntoTheUnshardedRun() throws Exception {
        Path data = SyntheticDataset.write(dir.resolve("data"), 40);
        Path whole = dir.resolve("whole");
        Path merged = dir.resolve("merged");
        List<Path> shards = new ArrayList<>();
        // One server throughout: the response cache keys calls by the endpoint's URL.
        try (ScriptedChatServer server = new ScriptedChatServer(Duration.ZERO)) {
            assertThat(run(settings(server, data, whole, null))).isZero();
            long unshardedRequests = server.requests();

            List<Process> processes = new ArrayList<>();
            for (int k = 1; k <= 4; k++) {
                Path out = dir.resolve("shard-" + k);
                shards.add(out);
                processes.add(cli(settings(server, data, out, k + "/4"), dir.resolve("shard-" + k + ".log")));
            }
            for (int k = 1; k <= 4; k++) {
                Path log = dir.resolve("shard-" + k + ".log");
                assertThat(KilledRuns.awaitExit(processes.get(k - 1), log)).as(Files.readString(log)).isZero();
                assertThat(Files.readString(log)).contains("Shard " + k + "/4 of dataset: ");
            }
            // Shards split the work: together they asked what the unsharded run asked, no more.
            assertThat(server.requests() - unshardedRequests).isEqualTo(unshardedRequests);
            checkManifestsAndMerge(shards, merged, whole);

            // The shards' caches merged: the whole dataset again, on this machine, asks the server nothing.
            long before = server.requests();
            assertThat(run(settings(server, data, merged, null))).isZero();
            assertThat(server.requests()).isEqualTo(before);
        }
        assertThat(KilledRuns.results(merged.resolve("results.json"))).isEqualTo(KilledRuns.results(whole.resolve("results.json")));
    }

    private void checkManifestsAndMerge(List<Path> shards, Path merged, Path whole) throws Exception {
        Set<String> covered = new HashSet<>();
        for (Path shard : shards) {
            JsonNode manifest = JSON.readTree(shard.resolve("shard.json").toFile());
            assertThat(manifest.path("runId").asText()).isEqualTo(JSON.readTree(shard.resolve("results.json").toFile()).path("runId").asText());
            JsonNode benchmark = manifest.path("benchmarks").get(0);
            assertThat(benchmark.path("finished").asBoolean()).isTrue();
            assertThat(benchmark.path("datasetSamples").asInt()).isEqualTo(40);
            benchmark.path("samples").forEach(s -> assertThat(covered.add(s.path("id").asText())).isTrue());
        }
        assertThat(covered).hasSize(40);

        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("merge", "--into", merged.toString()));
        // In any order.
        for (int k = 4; k >= 1; k--) args.add(shards.get(k - 1).toString());
        int exit = new InterFeedbackCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                name -> null).run(args.toArray(String[]::new));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Merged 4 shards into run merge-");

        assertThat(KilledRuns.results(merged.resolve("results.json"))).isEqualTo(KilledRuns.results(whole.resolve("results.json")));
        assertThat(KilledRuns.sortedLines(merged.resolve("episodes.jsonl"))).hasSize(40)
                .isEqualTo(KilledRuns.sortedLines(whole.resolve("episodes.jsonl")));
        String runId = JSON.readTree(merged.resolve("results.json").toFile()).path("runId").asText();
        assertThat(runId).startsWith("merge-");
        for (String line : Files.readAllLines(merged.resolve("episodes.jsonl"))) {
            assertThat(JSON.readTree(line).path("runId").asText()).isEqualTo(runId);
        }
        // In dataset order.
        assertThat(Files.readAllLines(merged.resolve("episodes.jsonl")).get(0)).contains("\"sampleId\":\"s0\"");
        assertThat(merged.resolve("shard.json")).doesNotExist();
    }

    private int run(Path settings) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new InterFeedbackCli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), name -> null).run(new String[] {settings.toString()});
        if (exit != 0) throw new AssertionError("exit " + exit + ": " + err.toString(StandardCharsets.UTF_8));
        return exit;
    }

    /** Settings of a run into {@code out} with the response cache in it (the default), as shard {@code shard} or whole. */
    private Path settings(ScriptedChatServer server, Path data, Path out, String shard) throws IOException {
        Properties properties = new Properties();
        properties.putAll(TestSettings.forServer(server.baseUrl(), null));
        properties.remove("interfeedback.cache.enabled");
        properties.put("interfeedback.concurrency", "4");
        properties.put("interfeedback.feedback", "detailed");
        properties.put("interfeedback.dataset", data.toString());
        properties.put("interfeedback.output.dir", out.toString());
        if (shard != null) properties.put("interfeedback.shard", shard);
        Path file = Files.createTempFile(dir, "settings", ".properties");
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, null);
        }
        return file;
    }

    private static Process cli(Path settings, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                InterFeedbackCli.class.getName(), settings.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
