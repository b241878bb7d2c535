package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interfeedback.junit.fixtures.ResumableBenchmark;
import dev.interfeedback.testing.KilledRuns;
import dev.interfeedback.testing.ScriptedChatServer;
import dev.interfeedback.testing.SyntheticDataset;
import dev.interfeedback.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.console.ConsoleLauncher;

/**
 * Kills a run of the engine (the Console Launcher in its own JVM) with SIGKILL once some episodes
 * are journaled, starts it again, and checks that it asks no model again for what was done, shows
 * every sample again, and ends with the files of an uninterrupted run.
 */
class ResumeAfterKillTest {

    private static final int SAMPLES = 40;

    @TempDir
    Path dir;

    @Test
    void aRunKilledWithSigkillResumesAndEndsAsAnUninterruptedRun() throws Exception {
        SyntheticDataset.write(dir.resolve("resumable"), SAMPLES);

        Path killedOut = dir.resolve("killed");
        Path journal = killedOut.resolve("journal").resolve("resumable.jsonl");
        Set<String> finishedBeforeKill = new TreeSet<>();
        Map<String, Integer> requests;
        try (ScriptedChatServer server = new ScriptedChatServer(Duration.ofMillis(40))) {
            Process first = launcher(server, killedOut, dir.resolve("first.log"));
            KilledRuns.awaitEpisodes(first, journal, 8, dir.resolve("first.log"));
            first.destroyForcibly();
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(killedOut.resolve("results.json")).doesNotExist();
            finishedBeforeKill.addAll(KilledRuns.journaledEpisodes(journal));
            assertThat(finishedBeforeKill).hasSizeGreaterThanOrEqualTo(8).hasSizeLessThan(SAMPLES);

            Process second = launcher(server, killedOut, dir.resolve("second.log"));
            int resumedExit = KilledRuns.awaitExit(second, dir.resolve("second.log"));
            String log = Files.readString(dir.resolve("second.log"));
            // The Console Launcher's 1: some samples fail (not corrected), and nothing worse happened.
            assertThat(resumedExit).as(log).isEqualTo(1);
            assertThat(log).containsPattern("resumed = `\\d+ of " + SAMPLES + " samples were finished by an interrupted run");
            assertThat(journal).doesNotExist();
            requests = server.requestsBySignature();
        }

        KilledRuns.assertAskedOnce(requests, finishedBeforeKill);

        Path cleanOut = dir.resolve("clean");
        try (ScriptedChatServer server = new ScriptedChatServer(Duration.ZERO)) {
            assertThat(KilledRuns.awaitExit(launcher(server, cleanOut, dir.resolve("clean.log")), dir.resolve("clean.log")))
                    .as("the same failing samples").isEqualTo(1);
        }

        JsonNode resumed = KilledRuns.results(killedOut.resolve("results.json"));
        JsonNode uninterrupted = KilledRuns.results(cleanOut.resolve("results.json"));
        assertThat(resumed).isEqualTo(uninterrupted);
        assertThat(KilledRuns.sortedLines(killedOut.resolve("episodes.jsonl")))
                .hasSize(SAMPLES)
                .isEqualTo(KilledRuns.sortedLines(cleanOut.resolve("episodes.jsonl")));
    }

    /** The Console Launcher in a JVM of its own, running {@link ResumableBenchmark} against the server. */
    private Process launcher(ScriptedChatServer server, Path out, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), ConsoleLauncher.class.getName(), "execute",
                "--disable-banner", "--disable-ansi-colors", "--details=tree", "--include-engine=interfeedback",
                "--select-class=" + ResumableBenchmark.class.getName()));
        Map<String, String> settings = TestSettings.forServer(server.baseUrl(), null);
        settings.put("interfeedback.model.weak.max-concurrency", "4");
        settings.put("interfeedback.model.strong.max-concurrency", "4");
        settings.put("interfeedback.basedir", dir.toString());
        settings.put("interfeedback.output.dir", out.toString());
        settings.forEach((key, value) -> command.add("--config=" + key + "=" + value));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
