package dev.interfeedback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interfeedback.testing.KilledRuns;
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
            KilledRuns.awaitEpisodes(first, journal, 8, dir.resolve("first.log"));
            first.destroyForcibly();
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).isNotZero();
            assertThat(killedOut.resolve("results.json")).doesNotExist();
            finishedBeforeKill.addAll(KilledRuns.journaledEpisodes(journal));
            assertThat(finishedBeforeKill).hasSizeGreaterThanOrEqualTo(8).hasSizeLessThan(40);

            Process second = cli(settings, dir.resolve("second.log"));
            assertThat(KilledRuns.awaitExit(second, dir.resolve("second.log"))).as(Files.readString(dir.resolve("second.log"))).isZero();
            assertThat(Files.readString(dir.resolve("second.log"))).contains("Resuming dataset: ");
            assertThat(journal).doesNotExist();
            requests = server.requestsBySignature();
        }

        KilledRuns.assertAskedOnce(requests, finishedBeforeKill);

        Path cleanOut = dir.resolve("clean");
        try (ScriptedChatServer server = new ScriptedChatServer(Duration.ZERO)) {
            Process clean = cli(settings(server, data, cleanOut), dir.resolve("clean.log"));
            assertThat(KilledRuns.awaitExit(clean, dir.resolve("clean.log"))).isZero();
        }

        JsonNode resumed = KilledRuns.results(killedOut.resolve("results.json"));
        JsonNode uninterrupted = KilledRuns.results(cleanOut.resolve("results.json"));
        assertThat(resumed).isEqualTo(uninterrupted);
        assertThat(KilledRuns.sortedLines(killedOut.resolve("episodes.jsonl"))).isEqualTo(KilledRuns.sortedLines(cleanOut.resolve("episodes.jsonl")));
        assertThat(KilledRuns.sortedLines(killedOut.resolve("episodes.jsonl"))).hasSize(40);
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
}
