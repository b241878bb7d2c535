package dev.interfeedback.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.Rate;
import dev.interfeedback.config.Prices;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.Round;
import dev.interfeedback.feedback.FeedbackKind;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Usage;
import dev.interfeedback.scoring.Verdict;
import dev.interfeedback.testing.TestSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** results.json says how many of the receiver's verdicts the rules decided and how many the judge did, and how many answers were cut. */
class VerdictSourcesTest {

    @Test
    void resultsCountVerdictsByWhoDecided() {
        Round byRules = new Round(0, "Answer: 3", null, new Verdict("3", false, "answer-line/number", true), null, null);
        Round byJudge = new Round(1, "about three", "length", new Verdict("3", true, "judge", true), "try again", null);
        Round byRulesAgain = new Round(0, "Answer: 4", null, new Verdict("4", true, "answer-line/number", true), null, null);
        BenchmarkResult result = new BenchmarkResult("b", "d", new ModelInfo("weak", "w", false),
                new ModelInfo("strong", "s", false), FeedbackKind.BINARY, 3, new Rate(1, 1), List.of(
                        new Episode("s1", "c", EpisodeStatus.CORRECTED, 1, List.of(byRules, byJudge), null, Usage.NONE, Usage.NONE),
                        new Episode("s2", "c", EpisodeStatus.CORRECT_AT_ROUND_0, null, List.of(byRulesAgain), null,
                                Usage.NONE, Usage.NONE)));

        JsonNode benchmark = new ResultsJson(Prices.from(TestSettings.of(Map.of()), List.of()), null)
                .toJson(List.of(result)).path("benchmarks").get(0);

        assertThat(benchmark.path("verdicts").path("rules").asInt()).isEqualTo(2);
        assertThat(benchmark.path("verdicts").path("judge").asInt()).isEqualTo(1);
        assertThat(benchmark.path("truncatedAnswers").asInt()).isEqualTo(1);
    }
}
