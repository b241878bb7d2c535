package dev.interfeedback.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.Round;
import dev.interfeedback.feedback.FeedbackKind;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.scoring.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkResultTest {

    /**
     * geometry: right at round 0, corrected at round 1, not corrected; algebra: excluded, error.
     * The two categories differ in every figure, and from the whole benchmark.
     */
    private static final BenchmarkResult RESULT = new BenchmarkResult("b", "d", new ModelInfo("r", "rm", false),
            new ModelInfo("p", "pm", false), FeedbackKind.BINARY, 2, new Rate(4, 5), List.of(
                    episode("g1", "geometry", EpisodeStatus.CORRECT_AT_ROUND_0, null, true),
                    episode("a1", "algebra", EpisodeStatus.EXCLUDED, null, false),
                    episode("g2", "geometry", EpisodeStatus.CORRECTED, 1, false),
                    new Episode("a2", "algebra", EpisodeStatus.ERROR, null, List.of(), "HTTP 500", null, null),
                    episode("g3", "geometry", EpisodeStatus.NOT_CORRECTED, null, false)));

    @Test
    void eachCategoryHasTheFiguresOfItsOwnSamples() {
        Map<String, Metrics> perCategory = RESULT.perCategory();

        assertThat(perCategory).containsOnlyKeys("algebra", "geometry");
        assertThat(perCategory.keySet()).as("sorted").containsExactly("algebra", "geometry");

        Metrics geometry = perCategory.get("geometry");
        assertThat(geometry.counts()).isEqualTo(new Counts(1, 0, 1, 1, 0, 0));
        assertThat(geometry.accuracy()).isEqualTo(new Rate(1, 3));
        assertThat(geometry.correctionRate()).isEqualTo(new Rate(1, 2));
        assertThat(geometry.perRound()).containsExactly(new RoundRate(1, new Rate(1, 2)), new RoundRate(2, new Rate(0, 2)));
        assertThat(geometry.errorRate()).isEqualTo(new Rate(0, 3));

        Metrics algebra = perCategory.get("algebra");
        assertThat(algebra.counts()).isEqualTo(new Counts(0, 1, 0, 0, 1, 0));
        assertThat(algebra.accuracy()).isEqualTo(new Rate(0, 1));
        assertThat(algebra.correctionRate().defined()).isFalse();
        assertThat(algebra.errorRate()).isEqualTo(new Rate(1, 2));
    }

    @Test
    void theBenchmarksFiguresPoolEveryCategory() {
        Metrics all = RESULT.metrics();

        assertThat(all.counts()).isEqualTo(new Counts(1, 1, 1, 1, 1, 0));
        assertThat(all.accuracy()).isEqualTo(new Rate(1, 4));
        assertThat(all.errorRate()).isEqualTo(new Rate(1, 5));
    }

    private static Episode episode(String id, String category, EpisodeStatus status, Integer correctedAt,
            boolean rightAtRound0) {
        List<Round> rounds = new ArrayList<>();
        String letter = rightAtRound0 ? "A" : "B";
        rounds.add(new Round(0, "Answer: " + letter, null, new Verdict(letter, rightAtRound0, "official-parser", true),
                null, null));
        if (correctedAt != null) {
            rounds.add(new Round(correctedAt, "Answer: A", null, new Verdict("A", true, "official-parser", true),
                    "incorrect", null));
        }
        return new Episode(id, category, status, correctedAt, rounds, null, null, null);
    }
}
