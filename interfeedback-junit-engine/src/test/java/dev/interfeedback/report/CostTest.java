package dev.interfeedback.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.Rate;
import dev.interfeedback.bench.SharedRoundZeroTokens;
import dev.interfeedback.config.ConfigurationException;
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

class CostTest {

    private static final BenchmarkResult RESULT = new BenchmarkResult("b", "d",
            new ModelInfo("weak", "weak-model", false), new ModelInfo("strong", "gpt-4o", false),
            FeedbackKind.DETAILED, 3, new Rate(1, 1), List.of(
                    new Episode("s1", "c", EpisodeStatus.CORRECT_AT_ROUND_0, null,
                            List.of(new Round(0, "Answer: A", null, new Verdict("A", true, "official-parser", true), null, null)), null,
                            new Usage(1_000_000, 200_000), new Usage(500_000, 0)),
                    new Episode("s2", "c", EpisodeStatus.CORRECT_AT_ROUND_0, null,
                            List.of(new Round(0, "Answer: A", null, new Verdict("A", true, "official-parser", true), null, null)), null,
                            new Usage(1_000_000, 300_000), new Usage(500_000, 100_000))));

    @Test
    void tokensAndEstimatedCostPerRoleInResultsJson() {
        PriceTable prices = Prices.from(TestSettings.of(Map.of(
                "interfeedback.model.weak.price.prompt-per-million", "0.5",
                "interfeedback.model.weak.price.completion-per-million", "1.5",
                "interfeedback.model.strong.price.prompt-per-million", "2.5",
                "interfeedback.model.strong.price.completion-per-million", "10")), List.of("weak", "strong"));

        JsonNode benchmark = new ResultsJson(prices, null).toJson(List.of(RESULT)).path("benchmarks").get(0);

        assertThat(benchmark.path("receiver").path("role").asText()).isEqualTo("receiver");
        assertThat(benchmark.path("receiver").path("tokens").path("prompt").asLong()).isEqualTo(2_000_000);
        assertThat(benchmark.path("receiver").path("tokens").path("completion").asLong()).isEqualTo(500_000);
        // 2M x 0.5 + 0.5M x 1.5 = 1.75; 1M x 2.5 + 0.1M x 10 = 3.5
        assertThat(benchmark.path("receiver").path("estimatedCost").asDouble()).isEqualTo(1.75);
        assertThat(benchmark.path("provider").path("estimatedCost").asDouble()).isEqualTo(3.5);
        assertThat(benchmark.path("cost").path("currency").asText()).isEqualTo("USD");
        assertThat(benchmark.path("cost").path("total").asDouble()).isEqualTo(5.25);
        assertThat(SummaryTable.render(RESULT, prices))
                .contains("receiver weak: 2000000 prompt + 500000 completion, estimated cost 1.7500 USD")
                .contains("provider strong: 1000000 prompt + 100000 completion, estimated cost 3.5000 USD");
    }

    @Test
    void theRunsTotalsChargeTheRound0AnswersACellTookFromAnotherCellOnce() {
        PriceTable prices = Prices.from(TestSettings.of(Map.of(
                "interfeedback.model.weak.price.prompt-per-million", "0.5",
                "interfeedback.model.weak.price.completion-per-million", "1.5",
                "interfeedback.model.strong.price.prompt-per-million", "2.5",
                "interfeedback.model.strong.price.completion-per-million", "10")), List.of("weak", "strong"));
        // a second cell with the same models, whose round-0 answers of both came from the first
        BenchmarkResult second = new BenchmarkResult("b2", RESULT.dataset(), RESULT.receiver(), RESULT.provider(),
                FeedbackKind.BINARY, 3, RESULT.providerRoundZero(), RESULT.totals(), null, null, null, null,
                new SharedRoundZeroTokens(RESULT.receiverUsage(), RESULT.providerUsage()), null);

        JsonNode json = new ResultsJson(prices, null).toJson(List.of(RESULT, second));

        // each cell reports its tokens and cost as if it ran alone, and what it took
        JsonNode cell = json.path("benchmarks").get(1);
        assertThat(cell.path("cost").path("total").asDouble()).isEqualTo(5.25);
        assertThat(cell.path("receiver").path("sharedRoundZeroTokens").path("prompt").asLong()).isEqualTo(2_000_000);
        assertThat(json.path("benchmarks").get(0).path("receiver").path("sharedRoundZeroTokens").path("prompt").asLong()).isZero();
        // the run spent the first cell's tokens once
        JsonNode totals = json.path("totals");
        assertThat(totals.path("models")).extracting(m -> m.path("alias").asText()).containsExactly("strong", "weak");
        assertThat(totals.path("models").get(1).path("tokens").path("prompt").asLong()).isEqualTo(2_000_000);
        assertThat(totals.path("models").get(1).path("estimatedCost").asDouble()).isEqualTo(1.75);
        assertThat(totals.path("estimatedCost").asDouble()).isEqualTo(5.25);
        // a model without a price leaves the total unknown, not too low
        JsonNode unpriced = new ResultsJson().toJson(List.of(RESULT)).path("totals");
        assertThat(unpriced.path("estimatedCost").isNull()).isTrue();
        assertThat(unpriced.path("models").get(0).path("tokens").path("prompt").asLong()).isEqualTo(1_000_000);
    }

    @Test
    void promptTokensFromTheApisCacheArePricedAtTheApisCachedRateAndTheSavingIsReported() {
        BenchmarkResult cached = new BenchmarkResult("b", "d",
                new ModelInfo("weak", "weak-model", false), new ModelInfo("claude", "claude-test", false),
                FeedbackKind.DETAILED, 3, new Rate(1, 1), List.of(new Episode("s1", "c", EpisodeStatus.CORRECT_AT_ROUND_0,
                        null, List.of(new Round(0, "Answer: A", null, new Verdict("A", true, "official-parser", true), null,
                        null)), null, new Usage(1_000_000, 0), new Usage(1_000_000, 100_000, 600_000, 100_000))));
        PriceTable prices = Prices.from(TestSettings.of(Map.of(
                "interfeedback.model.weak.price.prompt-per-million", "0.5",
                "interfeedback.model.weak.price.completion-per-million", "1.5",
                "interfeedback.model.claude.api", "anthropic",
                "interfeedback.model.claude.price.prompt-per-million", "3",
                "interfeedback.model.claude.price.completion-per-million", "15")), List.of("weak", "claude"));

        JsonNode benchmark = new ResultsJson(prices, null).toJson(List.of(cached)).path("benchmarks").get(0);

        JsonNode provider = benchmark.path("provider");
        assertThat(provider.path("tokens").path("cachedPrompt").asLong()).isEqualTo(600_000);
        assertThat(provider.path("tokens").path("cacheWrite").asLong()).isEqualTo(100_000);
        // 0.3M in full x 3 + 0.6M read x 0.3 + 0.1M written x 3.75 + 0.1M out x 15 = 0.9 + 0.18 + 0.375 + 1.5
        assertThat(provider.path("estimatedCost").asDouble()).isCloseTo(2.955, within(1e-9));
        assertThat(provider.path("promptCache").path("cachedShare").asDouble()).isEqualTo(0.6);
        // without caching: 1M x 3 + 0.1M x 15 = 4.5
        assertThat(provider.path("promptCache").path("saved").asDouble()).isCloseTo(4.5 - 2.955, within(1e-9));
        assertThat(benchmark.path("receiver").path("promptCache").path("cachedShare").asDouble()).isZero();
        assertThat(benchmark.path("receiver").path("promptCache").path("saved").asDouble()).isZero();
        assertThat(benchmark.path("cost").path("savedByPromptCache").asDouble()).isCloseTo(1.545, within(1e-9));
        assertThat(SummaryTable.render(cached, prices)).contains("provider claude: 1000000 prompt + 100000 completion,"
                + " estimated cost 2.9550 USD (60.0% from the API's prompt cache), 1.5450 USD saved by it");
    }

    @Test
    void aModelWithoutAPriceHasNoEstimateRatherThanZero() {
        PriceTable prices = Prices.from(TestSettings.of(Map.of(
                "interfeedback.price.currency", "EUR",
                "interfeedback.model.weak.price.prompt-per-million", "0.5",
                "interfeedback.model.weak.price.completion-per-million", "1.5")), List.of("weak", "strong"));

        JsonNode cost = new ResultsJson(prices, null).toJson(List.of(RESULT)).path("benchmarks").get(0).path("cost");

        assertThat(cost.path("currency").asText()).isEqualTo("EUR");
        assertThat(cost.path("receiver").asDouble()).isEqualTo(1.75);
        assertThat(cost.path("provider").isNull()).isTrue();
        assertThat(cost.path("total").isNull()).isTrue();
        assertThat(SummaryTable.render(RESULT, prices)).contains("provider strong: 1000000 prompt + 100000 completion, no price configured");
    }

    @Test
    void halfAPriceOrNonsenseIsAConfigurationError() {
        assertThatThrownBy(() -> Prices.from(TestSettings.of(Map.of(
                "interfeedback.model.weak.price.prompt-per-million", "0.5")), List.of("weak")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("interfeedback.model.weak.price.completion-per-million");
        assertThatThrownBy(() -> Prices.from(TestSettings.of(Map.of(
                "interfeedback.model.weak.price.prompt-per-million", "cheap",
                "interfeedback.model.weak.price.completion-per-million", "1")), List.of("weak")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("found \"cheap\"");
    }
}
