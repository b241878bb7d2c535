package dev.interfeedback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.testing.ScriptedChatServer;
import dev.interfeedback.testing.SyntheticDataset;
import dev.interfeedback.testing.TestSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a command-line run in its own JVM with SIGKILL once some episodes are journaled, starts it
 * again, and checks that it finishes the rest without asking again for what was done, and ends
 * with the results of an uninterrupted run.
 */
class ResumeAfterKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aRunKilledWithSigkillResumesAndEndsAsAnUninterruptedRun() throws Exception {
        Path data = SyntheticDataset.write(dir.resolve("data"), 40);

        Path killedOut = dir.resolve("killed");
        Set<String> finishedBeforeKill = new TreeSet<>();
        Map<String, Integer> requests;
        try (ScriptedChatServer server = new ScriptedChatServer(Duration.ofMillis(40))) {
            Path settings = settings(server, data, killedOut);
            Path journal = killedOut.resolve("journal").resolve("dataset.jsonl");

            Process first = cli(settings, dir.resolve("first.log"));
            waitForEpisodes(first, journal, 8, dir.resolve("first.log"));
            first.destroyForcibly();
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).isNotZero();
            assertThat(killedOut.resolve("results.json")).doesNotExist();
            finishedBeforeKill.addAll(journaledEpisodes(journal));
            assertThat(finishedBeforeKill).hasSizeGreaterThanOrEqualTo(8).hasSizeLessThan(40);

            Process second = cli(settings, dir.resolve("second.log"));
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();
            assertThat(Files.readString(dir.resolve("second.log"))).contains("Resuming dataset: ");
            assertThat(journal).doesNotExist();
            requests = server.requestsBySignature();
        }

        // Nothing a journaled episode needed was asked twice.
        for (String id : finishedBeforeKill) {
            requests.forEach((signature, times) -> {
                if (signature.contains("|" + id + "|")) assertThat(times).as(signature).isEqualTo(1);
            });
        }

        Path cleanOut = dir.resolve("clean");
        try (ScriptedChatServer server = new ScriptedChatServer(Duration.ZERO)) {
            Process clean = cli(settings(server, data, cleanOut), dir.resolve("clean.log"));
            assertThat(clean.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(clean.exitValue()).isZero();
        }

        JsonNode resumed = JSON.readTree(killedOut.resolve("results.json").toFile());
        JsonNode uninterrupted = JSON.readTree(cleanOut.resolve("results.json").toFile());
        assertThat(resumed).isEqualTo(uninterrupted);
        assertThat(sortedLines(killedOut.resolve("episodes.jsonl"))).isEqualTo(sortedLines(cleanOut.resolve("episodes.jsonl")));
        assertThat(sortedLines(killedOut.resolve("episodes.jsonl"))).hasSize(40);
    }

    private Path settings(ScriptedChatServer server, Path data, Path out) throws IOException {
        Properties properties = new Properties();
        properties.putAll(TestSettings.forServer(server.baseUrl(), null));
        properties.put("interfeedback.model.weak.max-concurrency", "4");
        properties.put("interfeedback.model.strong.max-concurrency", "4");
        properties.put("interfeedback.concurrency", "4");
        properties.put("interfeedback.feedback", "detailed");
        properties.put("interfeedback.dataset", data.toString());
        properties.put("interfeedback.output.dir", out.toString());
        Path file = Files.createTempFile(dir, "settings", ".properties");
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, null);
        }
        return file;
    }

    private static Process cli(Path settings, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), InterFeedbackCli.class.getName(), settings.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void waitForEpisodes(Process process, Path journal, int episodes, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                process.waitFor();
                throw new AssertionError("the first run ended before it could be killed:\n" + Files.readString(log));
            }
            if (Files.exists(journal) && journaledEpisodes(journal).size() >= episodes) return;
            Thread.sleep(5);
        }
        throw new AssertionError("no " + episodes + " episodes journaled in time");
    }

    private static Set<String> journaledEpisodes(Path journal) throws IOException {
        Set<String> ids = new TreeSet<>();
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            try {
                JsonNode node = JSON.readTree(line);
                if (node.path("type").asText().equals("episode")) ids.add(node.path("episode").path("sampleId").asText());
            } catch (IOException torn) {
                // the line being written right now
            }
        }
        return ids;
    }

    private static List<String> sortedLines(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.sort(null);
        return lines;
    }
}
