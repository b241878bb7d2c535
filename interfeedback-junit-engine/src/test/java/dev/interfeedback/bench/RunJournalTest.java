package dev.interfeedback.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.JsonlDatasetLoader;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.Round;
import dev.interfeedback.episode.RoundZero;
import dev.interfeedback.feedback.LeakAction;
import dev.interfeedback.model.Usage;
import dev.interfeedback.scoring.Verdict;
import dev.interfeedback.testing.ScriptedChatServer;
import dev.interfeedback.testing.ServerRuns;
import dev.interfeedback.testing.SyntheticDataset;
import dev.interfeedback.testing.TestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJournalTest {

    @TempDir
    Path dir;

    private static final Episode CORRECTED = new Episode("s1", "cat", EpisodeStatus.CORRECTED, 2,
            List.of(new Round(0, "Answer: B", null, new Verdict("B", false, "official-parser", true), null, null),
                    new Round(1, "So C.", "length", new Verdict("C", false, "final-sentence/words", false), "try again", LeakAction.REGENERATED),
                    new Round(2, "Answer: A", null, new Verdict("A", true, "official-parser", true), "look again", LeakAction.NONE)),
            null, new Usage(30, 6), new Usage(50, 9));

    @Test
    void episodesAndAnswersSurviveAReopenExactly() throws Exception {
        Path file = dir.resolve("j.jsonl");
        try (RunJournal journal = RunJournal.open(file, "run-1", true)) {
            journal.recordEpisode(CORRECTED);
            journal.recordRoundZero(RunJournal.Role.PROVIDER, "s2", new RoundZero("Answer: D", "length", null, new Usage(7, 1), null));
        }

        try (RunJournal journal = RunJournal.open(file, "run-1", true)) {
            assertThat(journal.episode("s1")).contains(CORRECTED);
            assertThat(journal.roundZero(RunJournal.Role.PROVIDER, "s2"))
                    .contains(new RunJournal.Answer("Answer: D", "length", new Usage(7, 1)));
            assertThat(journal.roundZero(RunJournal.Role.RECEIVER, "s2")).isEmpty();
            assertThat(journal.resumedEpisodes()).isEqualTo(1);
        }
    }

    @Test
    void textBeyondTheBasicPlaneIsWrittenAsUtf8AndReadBackExactly() throws Exception {
        Path file = dir.resolve("j.jsonl");
        Episode math = new Episode("s\u00e9", "cat", EpisodeStatus.CORRECT_AT_ROUND_0, null,
                List.of(new Round(0, "Let \uD835\uDC65 = 2 \uD83D\uDE00\nAnswer: B", null, new Verdict("B", true, "official-parser", true), null, LeakAction.NONE)),
                null, new Usage(1, 1), Usage.NONE);
        try (RunJournal journal = RunJournal.open(file, "run-1", true)) {
            journal.recordEpisode(math);
        }

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("Let \uD835\uDC65 = 2 \uD83D\uDE00\\nAnswer: B");
        try (RunJournal journal = RunJournal.open(file, "run-1", true)) {
            assertThat(journal.episode("s\u00e9")).contains(math);
        }
    }

    @Test
    void errorsAreNotJournaledSoAResumeTriesThemAgain() throws Exception {
        Path file = dir.resolve("j.jsonl");
        try (RunJournal journal = RunJournal.open(file, "run-1", true)) {
            journal.recordEpisode(new Episode("s9", "c", EpisodeStatus.ERROR, null, List.of(), "HTTP 503", null, null));
            journal.recordRoundZero(RunJournal.Role.RECEIVER, "s9", RoundZero.failed("HTTP 503"));
        }
        try (RunJournal journal = RunJournal.open(file, "run-1", true)) {
            assertThat(journal.episode("s9")).isEmpty();
            assertThat(journal.roundZero(RunJournal.Role.RECEIVER, "s9")).isEmpty();
        }
    }

    @Test
    void aTornLastLineIsCutOffAndAppendingGoesOn() throws Exception {
        Path file = dir.resolve("j.jsonl");
        try (RunJournal journal = RunJournal.open(file, "run-1", true)) {
            journal.recordEpisode(CORRECTED);
        }
        Files.writeString(file, "{\"type\":\"episode\",\"episo", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (RunJournal journal = RunJournal.open(file, "run-1", true)) {
            assertThat(journal.resumedEpisodes()).isEqualTo(1);
            journal.recordEpisode(new Episode("s2", "c", EpisodeStatus.CORRECT_AT_ROUND_0, null,
                    List.of(new Round(0, "Answer: A", null, new Verdict("A", true, "official-parser", true), null, null)), null, null, null));
        }
        try (RunJournal journal = RunJournal.open(file, "run-1", true)) {
            assertThat(journal.resumedEpisodes()).isEqualTo(2);
        }
    }

    @Test
    void aJournalOfAnotherRunOrWithoutResumeStartsAfresh() throws Exception {
        Path file = dir.resolve("j.jsonl");
        try (RunJournal journal = RunJournal.open(file, "run-1", true)) {
            journal.recordEpisode(CORRECTED);
        }
        try (RunJournal journal = RunJournal.open(file, "run-2 with other models", true)) {
            assertThat(journal.episode("s1")).isEmpty();
        }
        try (RunJournal journal = RunJournal.open(file, "run-2 with other models", false)) {
            assertThat(journal.resumedEpisodes()).isZero();
        }
    }

    @Test
    void aFullyJournaledRunIsReplayedWithoutAModelCallAndEndsTheSame() throws Exception {
        Dataset dataset = new JsonlDatasetLoader().load(SyntheticDataset.write(dir.resolve("data"), 30), "synthetic");
        Path file = dir.resolve("run.jsonl");
        try (ScriptedChatServer server = new ScriptedChatServer(Duration.ZERO)) {
            Map<String, String> settings = TestSettings.forServer(server.baseUrl(), null);
            ServerRuns.Outcome first;
            try (RunJournal journal = RunJournal.open(file, "run", true)) {
                first = ServerRuns.run(dataset, settings, journal);
            }
            long calls = server.requests();
            ServerRuns.Outcome again;
            try (RunJournal journal = RunJournal.open(file, "run", true)) {
                again = ServerRuns.run(dataset, settings, journal);
            }
            assertThat(server.requests()).isEqualTo(calls);
            assertThat(again.json()).isEqualTo(first.json());
            assertThat(again.reported()).hasSize(30);
        }
    }

    @Test
    void theJournalFolderGoesWithItsLastJournal() throws Exception {
        Path output = dir.resolve("out");
        RunJournal first = RunJournal.open(RunJournal.file(output, "a"), "run", true);
        RunJournal second = RunJournal.open(RunJournal.file(output, "b"), "run", true);

        first.delete();
        assertThat(output.resolve("journal")).isDirectory();
        second.delete();
        assertThat(output.resolve("journal")).doesNotExist();

        try (RunJournal again = RunJournal.open(RunJournal.file(output, "a"), "run", true)) {
            again.recordEpisode(CORRECTED);
        }
        assertThat(RunJournal.file(output, "a")).isRegularFile();
    }
}
