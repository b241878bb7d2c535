package dev.interfeedback.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.RoundListener;
import dev.interfeedback.feedback.BinaryFeedback;
import dev.interfeedback.feedback.DetailedFeedback;
import dev.interfeedback.feedback.FeedbackProvider;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.simulator.SimulatedModel;
import dev.interfeedback.model.simulator.SimulatorProfile;
import dev.interfeedback.scoring.Scorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal is resumed only by a run that would produce the same episodes: every setting that
 * changes an episode is part of its key, so a journal of another run is started afresh.
 */
class JournalKeyTest {

    private static final ChatModel RECEIVER = simulator("receiver", "simulator:?accuracy=0.3&seed=1");
    private static final ChatModel PROVIDER = simulator("provider", "simulator:?accuracy=0.9&seed=2");
    private static final Dataset DATASET = dataset("synthetic", 12);

    @TempDir
    Path dir;

    @Test
    void theSameRunHasTheSameKey() {
        assertThat(key(RECEIVER, PROVIDER, new BinaryFeedback(), 3, DATASET, "c"))
                .isEqualTo(key(RECEIVER, PROVIDER, new BinaryFeedback(), 3, DATASET, "c"));
    }

    @Test
    void everySettingThatChangesAnEpisodeChangesTheKey() {
        String base = key(RECEIVER, PROVIDER, new BinaryFeedback(), 3, DATASET, "c");

        assertThat(key(RECEIVER, PROVIDER, new BinaryFeedback(), 1, DATASET, "c")).as("rounds").isNotEqualTo(base);
        assertThat(key(simulator("candidate", "simulator:?accuracy=0.3&seed=1"), PROVIDER, new BinaryFeedback(), 3,
                DATASET, "c")).as("receiver").isNotEqualTo(base);
        assertThat(key(RECEIVER, simulator("other", "simulator:?accuracy=0.9&seed=2"), new BinaryFeedback(), 3,
                DATASET, "c")).as("provider").isNotEqualTo(base);
        assertThat(key(RECEIVER, PROVIDER, new DetailedFeedback(PROVIDER), 3, DATASET, "c")).as("feedback")
                .isNotEqualTo(base);
        assertThat(key(RECEIVER, PROVIDER, new BinaryFeedback(), 3, dataset("synthetic", 11), "c")).as("samples")
                .isNotEqualTo(base);
        assertThat(key(RECEIVER, PROVIDER, new BinaryFeedback(), 3, DATASET, "d")).as("configuration")
                .isNotEqualTo(base);
    }

    @Test
    void aJournalOfARunWithFewerRoundsIsNotResumedByOneWithMore() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        BenchmarkRunner oneRound = runner(1);
        try (RunJournal journal = RunJournal.open(file, oneRound.journalKey("b", DATASET, "c"), true)) {
            oneRound.run("b", DATASET, RoundListener.NONE, e -> {}, journal, RunObserver.NONE);
        }

        try (RunJournal journal = RunJournal.open(file, runner(1).journalKey("b", DATASET, "c"), true)) {
            assertThat(journal.resumedEpisodes()).as("the same run resumes").isEqualTo(DATASET.size());
        }
        try (RunJournal journal = RunJournal.open(file, runner(3).journalKey("b", DATASET, "c"), true)) {
            // Resumed, the episodes not corrected within one round would stay so with three.
            assertThat(journal.resumedEpisodes()).isZero();
        }
    }

    private static BenchmarkRunner runner(int rounds) {
        return new BenchmarkRunner(RECEIVER, PROVIDER, new BinaryFeedback(), new Scorer()::score, rounds, 2);
    }

    private static String key(ChatModel receiver, ChatModel provider, FeedbackProvider feedback, int rounds,
            Dataset dataset, String configuration) {
        return new BenchmarkRunner(receiver, provider, feedback, new Scorer()::score, rounds, 1)
                .journalKey("b", dataset, configuration);
    }

    private static ChatModel simulator(String alias, String url) {
        return new SimulatedModel(alias, SimulatorProfile.parse(url));
    }

    private static Dataset dataset(String name, int size) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            samples.add(new Sample("q" + i, "Question " + i, List.of(), List.of("w", "x", "y", "z"), "A", "c", Map.of()));
        }
        return new Dataset(name, Path.of(name + ".jsonl"), samples);
    }
}
