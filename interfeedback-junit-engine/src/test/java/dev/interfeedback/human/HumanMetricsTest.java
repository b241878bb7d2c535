package dev.interfeedback.human;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.prompt.Prompts;
import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.BenchmarkRunner;
import dev.interfeedback.bench.Metrics;
import dev.interfeedback.bench.Rate;
import dev.interfeedback.bench.RoundRate;
import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.RoundListener;
import dev.interfeedback.feedback.Authorship;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Usage;
import dev.interfeedback.scoring.Scorer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A whole human session through the benchmark runner, with the paper's figures: 120 problems,
 * 81 wrong at round 0, first corrected 30, 16 and 35 times at rounds 1 to 3. The rates must be the
 * paper's (37.0%, 19.8%, 43.2%), from the same arithmetic as the automatic benchmark.
 */
class HumanMetricsTest {

    @Test
    void aFinishedSessionReproducesThePapersPerRoundRatesAndPoolsCategories() throws Exception {
        // The round of each sample's first right answer; 0: right at round 0.
        Map<String, Integer> firstRight = new HashMap<>();
        List<Sample> samples = new ArrayList<>();
        int[] plan = {39, 30, 16, 35};
        int n = 0;
        for (int round = 0; round < plan.length; round++) {
            for (int i = 0; i < plan[round]; i++, n++) {
                String id = "p" + n;
                // Two categories, interleaved, so pooling is not the same as averaging.
                samples.add(new Sample(id, "Question " + id, List.of(), List.of("a", "b", "c", "d"), "A",
                        n % 3 == 0 ? "Math" : "Visual Logic", Map.of()));
                firstRight.put(id, round);
            }
        }
        ChatModel receiver = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                int round = request.context().round();
                boolean right = round >= firstRight.get(request.context().sampleId());
                return new ChatResponse("Answer: " + (right ? "A" : "C"), new Usage(10, 2), null);
            }

            @Override
            public ModelInfo info() {
                return new ModelInfo("receiver", "scripted", false);
            }
        };
        FeedbackSource person = task -> new WrittenFeedback("feedback " + task.id(),
                new Authorship("ana", Instant.parse("2026-01-01T10:00:00Z"), 1000));
        HumanFeedback feedback = new HumanFeedback(HumanProtocol.INTERFEEDBACK_HUMAN, 3, () -> person, Prompts.builtIn());
        BenchmarkRunner runner = new BenchmarkRunner(receiver, new HumanParticipant(HumanProtocol.INTERFEEDBACK_HUMAN),
                feedback, new Scorer()::score, 3, 4);

        BenchmarkResult result = runner.run("human", new Dataset("paper", null, samples), RoundListener.NONE, e -> {});

        Metrics metrics = result.metrics();
        assertThat(metrics.counts().testSet()).as("every round-0 error").isEqualTo(81);
        assertThat(metrics.counts().excluded()).isZero();
        assertThat(metrics.perRound()).extracting(RoundRate::rate).extracting(HumanMetricsTest::percent)
                .containsExactly("37.0", "19.8", "43.2");
        assertThat(percent(metrics.correctionRate())).isEqualTo("100.0");
        assertThat(percent(metrics.accuracy())).isEqualTo("32.5");
        Metrics math = result.perCategory().get("Math");
        long mathErrors = samples.stream().filter(s -> s.category().equals("Math") && firstRight.get(s.id()) > 0).count();
        assertThat(math.counts().testSet()).isEqualTo(mathErrors);
        assertThat(math.perRound().stream().mapToLong(r -> r.rate().successes()).sum()).isEqualTo(mathErrors);
        assertThat(result.perCategory().get("Math").counts().testSet() + result.perCategory().get("Visual Logic").counts().testSet())
                .isEqualTo(81);
    }

    private static String percent(Rate rate) {
        return String.format(Locale.ROOT, "%.1f", 100 * rate.value());
    }
}
