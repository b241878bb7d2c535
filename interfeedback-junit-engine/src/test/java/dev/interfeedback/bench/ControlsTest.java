package dev.interfeedback.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.RoundListener;
import dev.interfeedback.episode.Verifier;
import dev.interfeedback.feedback.BinaryFeedback;
import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Usage;
import dev.interfeedback.prompt.Prompts;
import dev.interfeedback.report.ResultsJson;
import dev.interfeedback.report.SummaryTable;
import dev.interfeedback.scoring.Verdict;
import dev.interfeedback.testing.ToldEpisodes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The controls beside the correction rate, on hand-counted cases. */
class ControlsTest {

    /** Reads the letter after the last "Answer: ". */
    private static final Verifier LETTER = (response, sample) -> {
        int at = response.lastIndexOf("Answer: ");
        if (at < 0) return Verdict.unparsed("unparsed");
        String letter = response.substring(at + 8).trim();
        return new Verdict(letter, letter.equals(sample.answer()), "letter", true);
    };

    private static Sample choice(String id, String category, int options) {
        List<String> texts = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j").subList(0, options);
        return new Sample(id, "Which?", List.of(), texts, "A", category, Map.of());
    }

    /**
     * A receiver whose answers depend on the sample and on how many times it was told "incorrect":
     * keep: right, and keeps it; flip1: right, flips at the first push; flip2: right, flips at the
     * second; four/ten: wrong at round 0 (B), never corrected; free: wrong free-form.
     */
    private static ChatModel receiver() {
        return scripted("receiver", (id, pushes) -> switch (id) {
            case "keep" -> "Answer: A";
            case "flip1" -> pushes >= 1 ? "Answer: B" : "Answer: A";
            case "flip2" -> pushes >= 2 ? "Answer: C" : "Answer: A";
            case "none" -> "no idea";
            default -> "Answer: B";
        });
    }

    @Test
    void maintenanceCountsWhoKeepsTheRightAnswerWhenToldItIsWrongAndGuessingIsSummedOverTheTestSet() throws Exception {
        List<Sample> samples = List.of(choice("keep", "geo", 4), choice("flip1", "geo", 4), choice("flip2", "alg", 4),
                choice("four", "geo", 4), choice("ten", "alg", 10), choice("none", "alg", 4),
                new Sample("free", "How many?", List.of(), List.of(), "7", "alg", Map.of()));
        ChatModel provider = scripted("provider", (id, pushes) -> id.equals("free") ? "Answer: 7" : "Answer: A");
        BenchmarkRunner runner = new BenchmarkRunner(receiver(), provider, new BinaryFeedback(), LETTER, 3, 1, null, null,
                Prompts.builtIn(), true);

        ToldEpisodes told = new ToldEpisodes();
        BenchmarkResult result = runner.run("b", new Dataset("d", null, samples), RoundListener.NONE, told);

        MaintenanceMetrics maintenance = result.maintenance();
        assertThat(maintenance.tested()).isEqualTo(3);
        assertThat(maintenance.rate()).isEqualTo(new Rate(1, 3));
        // kept through round 1: keep, flip2; through round 2 and 3: keep
        assertThat(maintenance.keptAfter()).containsExactly(new Rate(2, 3), new Rate(1, 3), new Rate(1, 3));
        assertThat(result.maintenanceByCategory().get("geo").rate()).isEqualTo(new Rate(1, 2));
        assertThat(result.maintenanceByCategory().get("alg").rate()).isEqualTo(new Rate(0, 1));
        Episode flip1 = told.of("flip1");
        assertThat(flip1.status()).as("a control, not a verdict").isEqualTo(EpisodeStatus.CORRECT_AT_ROUND_0);
        assertThat(flip1.maintenance().flippedAtRound()).isEqualTo(1);
        assertThat(flip1.maintenance().rounds().get(0).feedback()).startsWith("Your previous answer is incorrect.");
        assertThat(flip1.receiverUsage()).as("round 0 and one push").isEqualTo(new Usage(20, 4));

        // Test set: four (4 options, tried B: 3 untried, 3 rounds: 1), ten (10 options: 3/9),
        // none (named no option: 3/4), free (free-form: 0).
        ChanceCorrection chance = result.chance();
        assertThat(chance.testSet()).isEqualTo(4);
        assertThat(chance.multipleChoice()).isEqualTo(3);
        assertThat(chance.expected()).isCloseTo(1 + 3.0 / 9 + 3.0 / 4, within(1e-12));
        assertThat(chance.rate()).isCloseTo((1 + 3.0 / 9 + 3.0 / 4) / 4, within(1e-12));
        assertThat(chance.excess(result.metrics().correctionRate())).isCloseTo(-(1 + 3.0 / 9 + 3.0 / 4) / 4, within(1e-12));

        JsonNode benchmark = new ResultsJson().toJson(List.of(result)).path("benchmarks").get(0);
        assertThat(benchmark.path("maintenance").path("tested").asLong()).isEqualTo(3);
        assertThat(benchmark.path("maintenance").path("kept").asLong()).isEqualTo(1);
        assertThat(benchmark.path("maintenance").path("rate").path("value").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(benchmark.path("maintenance").path("rate").path("low").asDouble()).isLessThan(1.0 / 3);
        assertThat(benchmark.path("maintenance").path("perRound").get(0).path("kept").asLong()).isEqualTo(2);
        assertThat(benchmark.path("maintenance").path("perRound").get(0).path("low").asDouble())
                .isEqualTo(new Rate(2, 3).low());
        assertThat(benchmark.path("chanceCorrection").path("expected").asDouble()).isCloseTo(chance.expected(), within(1e-12));
        assertThat(benchmark.path("perCategory").get(1).path("category").asText()).isEqualTo("geo");
        assertThat(benchmark.path("perCategory").get(1).path("maintenance").path("kept").asLong()).isEqualTo(1);
        assertThat(SummaryTable.render(result))
                .contains("maintenance       33.3% [6.1, 79.2]  (1 of 3 right at round 0 kept it when told it was wrong)")
                .contains("by guessing       52.1%  (2.08 of 4 expected from trying untried options; excess -52.1 points)");
    }

    @Test
    void withoutTheControlNoSampleIsPushedAndResultsSayNothingOfIt() throws Exception {
        ChatModel provider = scripted("provider", (id, pushes) -> "Answer: A");
        BenchmarkRunner runner = new BenchmarkRunner(receiver(), provider, new BinaryFeedback(), LETTER, 3, 1);

        ToldEpisodes told = new ToldEpisodes();
        BenchmarkResult result = runner.run("b", new Dataset("d", null, List.of(choice("flip1", "geo", 4))),
                RoundListener.NONE, told);

        assertThat(result.maintenance()).isNull();
        assertThat(told.of("flip1").maintenance()).isNull();
        assertThat(told.of("flip1").receiverUsage()).isEqualTo(new Usage(10, 2));
        assertThat(result.receiverUsage()).isEqualTo(new Usage(10, 2));
        assertThat(new ResultsJson().toJson(List.of(result)).path("benchmarks").get(0).has("maintenance")).isFalse();
    }

    /** Answers by sample id and the number of "incorrect" messages in the dialogue. */
    private static ChatModel scripted(String alias, BiFunction<String, Integer, String> answers) {
        return new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) throws ModelException {
                int pushes = (int) request.messages().stream().skip(1)
                        .filter(m -> m.role() == dev.interfeedback.model.Role.USER).count();
                return new ChatResponse(answers.apply(request.context().sampleId(), pushes), new Usage(10, 2));
            }

            @Override
            public ModelInfo info() {
                return new ModelInfo(alias, alias, false);
            }
        };
    }
}
