package dev.interfeedback.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.RoundListener;
import dev.interfeedback.episode.Verifier;
import dev.interfeedback.feedback.BinaryFeedback;
import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.MeteredModel;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Usage;
import dev.interfeedback.model.UsageMeter;
import dev.interfeedback.report.PriceTable;
import dev.interfeedback.report.ResultsJson;
import dev.interfeedback.scoring.Scorer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A judge's calls belong to no episode; its tokens are still counted, per run, and priced. */
class JudgeTokensTest {

    private static ChatModel answering(String alias, String text, Usage usage) {
        return new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                return new ChatResponse(text, usage);
            }

            @Override
            public ModelInfo info() {
                return new ModelInfo(alias, alias + "-model", false);
            }
        };
    }

    private static Dataset dataset(String name, int n) {
        List<Sample> samples = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add(new Sample(name + i, "Which?", List.of(), List.of("x", "y"), "A", "c", Map.of()));
        }
        return new Dataset(name, Path.of(name + ".jsonl"), samples);
    }

    @Test
    void eachRunIsChargedItsOwnJudgeTokens() throws Exception {
        UsageMeter meter = new UsageMeter();
        ChatModel judge = new MeteredModel(answering("judge", "A", new Usage(5, 1)), meter);
        Verifier judged = (response, sample) -> {
            try {
                judge.chat(new ChatRequest(List.of(Message.user(response)),
                        new CallContext(sample.id(), sample.answer(), List.of(), CallContext.Purpose.ANSWER, 0, null)));
            } catch (ModelException e) {
                throw new AssertionError(e);
            }
            return new Scorer().score(response, sample);
        };
        BenchmarkRunner runner = new BenchmarkRunner(answering("receiver", "Answer: A", new Usage(10, 2)),
                answering("provider", "Answer: A", new Usage(20, 3)), new BinaryFeedback(), judged, 3, 2,
                judge.info(), meter);

        BenchmarkResult first = runner.run("first", dataset("a", 3), RoundListener.NONE, e -> {});
        BenchmarkResult second = runner.run("second", dataset("b", 2), RoundListener.NONE, e -> {});

        // Every sample is right at round 0: one verdict per model and sample.
        assertThat(first.judgeUsage()).isEqualTo(new Usage(30, 6));
        assertThat(second.judgeUsage()).isEqualTo(new Usage(20, 4));
        assertThat(first.judge().alias()).isEqualTo("judge");

        PriceTable prices = new PriceTable("USD", Map.of(
                "receiver", new PriceTable.Price(1_000_000, 0), "provider", new PriceTable.Price(0, 0),
                "judge", new PriceTable.Price(0, 1_000_000)));
        JsonNode benchmark = new ResultsJson(prices, null).toJson(List.of(first)).path("benchmarks").get(0);
        assertThat(benchmark.path("judge").path("role").asText()).isEqualTo("judge");
        assertThat(benchmark.path("judge").path("tokens").path("completion").asLong()).isEqualTo(6);
        assertThat(benchmark.path("cost").path("judge").asDouble()).isEqualTo(6.0);
        assertThat(benchmark.path("cost").path("total").asDouble()).isEqualTo(30.0 + 6.0);
    }
}
