package dev.interfeedback.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.Rate;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.Round;
import dev.interfeedback.feedback.FeedbackKind;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.scoring.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsJsonTest {

    private static final Round WRONG = new Round(0, "Answer: B", null, new Verdict("B", false, "official-parser", true), null, null);
    private static final Round RIGHT = new Round(0, "Answer: A", null, new Verdict("A", true, "official-parser", true), null, null);

    /**
     * Category a: 2 right at round 0, 1 excluded, 1 error at round 0. Category b: 2 corrected,
     * 1 not corrected, 2 errors after round 0 (the provider's round-0 call failed; a feedback
     * round failed). Each error is counted once, in the denominators it leaves.
     */
    private static final List<Episode> MIX = List.of(
            episode("a1", "a", EpisodeStatus.CORRECT_AT_ROUND_0, null, RIGHT),
            episode("a2", "a", EpisodeStatus.CORRECT_AT_ROUND_0, null, RIGHT),
            episode("a3", "a", EpisodeStatus.EXCLUDED, null, WRONG),
            episode("a4", "a", EpisodeStatus.ERROR, null),
            episode("b1", "b", EpisodeStatus.CORRECTED, 1, WRONG, new Round(1, "Answer: A", null, new Verdict("A", true, "official-parser", true), "no", null)),
            episode("b2", "b", EpisodeStatus.CORRECTED, 2, WRONG, new Round(1, "Answer: C", null, new Verdict("C", false, "official-parser", true), "no", null),
                    new Round(2, "Answer: A", null, new Verdict("A", true, "official-parser", true), "no", null)),
            episode("b3", "b", EpisodeStatus.NOT_CORRECTED, null, WRONG, new Round(1, "Answer: C", null, new Verdict("C", false, "official-parser", true), "no", null)),
            episode("b4", "b", EpisodeStatus.ERROR, null, WRONG),
            episode("b5", "b", EpisodeStatus.ERROR, null, WRONG, new Round(1, "Answer: C", null, new Verdict("C", false, "official-parser", true), "no", null)));

    @Test
    void countsAreAPartitionWithBothKindsOfErrors() {
        JsonNode benchmark = new ResultsJson().toJson(List.of(result(MIX))).path("benchmarks").get(0);

        assertThat(counts(benchmark)).containsExactlyEntriesOf(counts(
                "samples", 9, "correctAtRound0", 2, "wrongAtRound0", 6, "errorsAtRound0", 1,
                "excluded", 1, "testSet", 3, "errorsAfterRound0", 2, "corrected", 2, "notCorrected", 1, "errors", 3));
        // The error after round 0 stays in accuracy's denominator, as wrong; the one at round 0 does not.
        assertThat(benchmark.path("accuracy").path("value").asDouble()).isEqualTo(2.0 / 8);
        assertThat(benchmark.path("correctionRate").path("value").asDouble()).isEqualTo(2.0 / 3);
        assertThat(benchmark.path("errorRate").path("value").asDouble()).isEqualTo(3.0 / 9);

        JsonNode a = benchmark.path("perCategory").get(0), b = benchmark.path("perCategory").get(1);
        assertThat(counts(a)).containsExactlyEntriesOf(counts(
                "samples", 4, "correctAtRound0", 2, "wrongAtRound0", 1, "errorsAtRound0", 1,
                "excluded", 1, "testSet", 0, "errorsAfterRound0", 0, "corrected", 0, "notCorrected", 0, "errors", 1));
        assertThat(counts(b)).containsExactlyEntriesOf(counts(
                "samples", 5, "correctAtRound0", 0, "wrongAtRound0", 5, "errorsAtRound0", 0,
                "excluded", 0, "testSet", 3, "errorsAfterRound0", 2, "corrected", 2, "notCorrected", 1, "errors", 2));
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new LinkedHashMap<>();
        node.path("counts").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private static Map<String, Long> counts(Object... namesAndValues) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            counts.put((String) namesAndValues[i], ((Integer) namesAndValues[i + 1]).longValue());
        }
        return counts;
    }

    private static BenchmarkResult result(List<Episode> episodes) {
        return new BenchmarkResult("b", "d", new ModelInfo("weak", "weak-model", false),
                new ModelInfo("strong", "strong-model", false), FeedbackKind.BINARY, 3, new Rate(1, 1), episodes);
    }

    private static Episode episode(String id, String category, EpisodeStatus status, Integer correctedAt, Round... rounds) {
        return new Episode(id, category, status, correctedAt, new ArrayList<>(List.of(rounds)),
                status == EpisodeStatus.ERROR ? "HTTP 500" : null, null, null);
    }
}
