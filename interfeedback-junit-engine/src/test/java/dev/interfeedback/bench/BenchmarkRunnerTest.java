package dev.interfeedback.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.RoundListener;
import dev.interfeedback.feedback.BinaryFeedback;
import dev.interfeedback.feedback.DetailedFeedback;
import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Usage;
import dev.interfeedback.model.simulator.SimulatedModel;
import dev.interfeedback.model.simulator.SimulatorProfile;
import dev.interfeedback.scoring.Scorer;
import dev.interfeedback.testing.ScriptedModel;
import dev.interfeedback.testing.ToldEpisodes;
import dev.interfeedback.report.ResultsJson;
import dev.interfeedback.report.SummaryTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkRunnerTest {

    private static final Dataset DATASET = dataset(200);

    @Test
    void testSetIsReceiverWrongAndProviderRight() throws InterruptedException {
        ToldEpisodes told = new ToldEpisodes();
        BenchmarkResult result = simulated(4, "simulator:?accuracy=0.4&seed=1", "simulator:?accuracy=0.7&seed=2")
                .run("b", DATASET, RoundListener.NONE, told);
        BenchmarkRunner again = simulated(1, "simulator:?accuracy=0.4&seed=1", "simulator:?accuracy=0.7&seed=2");
        TestSet testSet = again.buildTestSet(DATASET);

        for (int i = 0; i < DATASET.size(); i++) {
            Sample sample = DATASET.samples().get(i);
            Episode episode = told.inOrderOf(DATASET).get(i);
            assertThat(episode.sampleId()).isEqualTo(sample.id());
            boolean receiverRight = testSet.receiver(sample).correct();
            boolean providerRight = testSet.provider(sample).correct();
            EpisodeStatus expected = receiverRight ? EpisodeStatus.CORRECT_AT_ROUND_0 : providerRight ? null : EpisodeStatus.EXCLUDED;
            if (expected == null) {
                assertThat(episode.status()).isIn(EpisodeStatus.CORRECTED, EpisodeStatus.NOT_CORRECTED);
            } else {
                assertThat(episode.status()).isEqualTo(expected);
            }
        }
        Metrics metrics = result.metrics();
        assertThat(metrics.counts().testSet()).isEqualTo(testSet.size());
        assertThat(metrics.accuracy().value()).isBetween(0.3, 0.5);
        assertThat(result.providerRoundZero().value()).isBetween(0.6, 0.8);
    }

    @Test
    void resultsDoNotDependOnConcurrency() throws InterruptedException {
        ToldEpisodes toldOne = new ToldEpisodes(), toldEight = new ToldEpisodes();
        BenchmarkResult one = simulated(1, "simulator:?accuracy=0.4", "simulator:?accuracy=0.8")
                .run("b", DATASET, RoundListener.NONE, toldOne);
        BenchmarkResult eight = simulated(8, "simulator:?accuracy=0.4", "simulator:?accuracy=0.8")
                .run("b", DATASET, RoundListener.NONE, toldEight);
        assertThat(toldEight.inOrderOf(DATASET)).isEqualTo(toldOne.inOrderOf(DATASET));
        assertThat(new ResultsJson().toJson(List.of(eight))).isEqualTo(new ResultsJson().toJson(List.of(one)));
    }

    @Test
    void aRunWhoseSinkHasTheTranscriptsWritesTheSameResultsAsOneTellingAPlainConsumer(@TempDir Path dir) throws Exception {
        ToldEpisodes plain = new ToldEpisodes();
        BenchmarkResult full = simulated(4, "simulator:?accuracy=0.4&seed=3", "simulator:?accuracy=0.8&seed=4")
                .run("b", DATASET, RoundListener.NONE, plain);
        Map<String, Episode> told = new ConcurrentHashMap<>();
        BenchmarkResult kept = simulated(4, "simulator:?accuracy=0.4&seed=3", "simulator:?accuracy=0.8&seed=4")
                .run("b", DATASET, RoundListener.NONE, (sample, provider, episode) -> told.put(sample.id(), episode),
                        RunJournal.none(), RunObserver.NONE);

        assertThat(full.metrics().counts().corrected()).isPositive();
        assertThat(told).hasSize(DATASET.size());
        for (Episode episode : plain.inOrderOf(DATASET)) assertThat(told.get(episode.sampleId())).isEqualTo(episode);
        assertThat(kept.totals()).isEqualTo(full.totals());
        new ResultsJson().write(List.of(full), dir.resolve("full.json"));
        new ResultsJson().write(List.of(kept), dir.resolve("kept.json"));
        assertThat(Files.readString(dir.resolve("kept.json"))).isEqualTo(Files.readString(dir.resolve("full.json")));
        assertThat(SummaryTable.render(kept)).isEqualTo(SummaryTable.render(full));
    }

    @Test
    void everyEpisodeIsReportedOnceAsItFinishes() throws InterruptedException {
        List<String> reported = new CopyOnWriteArrayList<>();
        simulated(8, "simulator:?accuracy=0.4", "simulator:?accuracy=0.8")
                .run("b", DATASET, RoundListener.NONE, e -> reported.add(e.sampleId()));
        assertThat(reported).hasSize(DATASET.size()).doesNotHaveDuplicates();
    }

    @Test
    void anEpisodeSinkIsToldByManyWorkersAtOnceAndAPlainConsumerByOneAtATime() throws InterruptedException {
        // Every episode waits in the sink until a second one is there too: a runner that told the
        // sink one episode at a time would leave each alone until the wait gives up.
        CountDownLatch two = new CountDownLatch(2);
        AtomicBoolean together = new AtomicBoolean(true);
        simulated(8, "simulator:?accuracy=0.4", "simulator:?accuracy=0.8").run("b", DATASET, RoundListener.NONE,
                (sample, provider, episode) -> {
                    two.countDown();
                    try {
                        if (!two.await(30, TimeUnit.SECONDS)) together.set(false);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, RunJournal.none(), RunObserver.NONE);
        assertThat(together).as("a second episode reached the sink while the first was in it").isTrue();

        AtomicInteger inside = new AtomicInteger(), most = new AtomicInteger();
        simulated(8, "simulator:?accuracy=0.4", "simulator:?accuracy=0.8").run("b", DATASET, RoundListener.NONE, e -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            // Long enough that a runner telling it from several workers at once would be caught.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            inside.decrementAndGet();
        });
        assertThat(most).as("episodes inside a plain consumer at once").hasValue(1);
    }

    @Test
    void detailedFeedbackCorrectsMoreThanBinaryWithTheSameProfiles() throws InterruptedException {
        SimulatedModel receiver = new SimulatedModel("r", SimulatorProfile.parse("simulator:?accuracy=0.3&binary-fix=0.1&detailed-fix=0.6&eliminate=false"));
        SimulatedModel provider = new SimulatedModel("p", SimulatorProfile.parse("simulator:?accuracy=0.9"));
        double binary = new BenchmarkRunner(receiver, provider, new BinaryFeedback(), new Scorer()::score, 3, 4)
                .run("b", DATASET, RoundListener.NONE, e -> {}).metrics().correctionRate().value();
        double detailed = new BenchmarkRunner(receiver, provider, new DetailedFeedback(provider), new Scorer()::score, 3, 4)
                .run("b", DATASET, RoundListener.NONE, e -> {}).metrics().correctionRate().value();
        assertThat(binary).isBetween(0.15, 0.45);
        assertThat(detailed).isGreaterThan(binary + 0.3);
    }

    @Test
    void failedCallsAreErrorsOutsideEveryDenominator() throws InterruptedException {
        Dataset two = dataset(2);
        ScriptedModel receiver = new ScriptedModel("r", new ModelException("HTTP 500 from test"), "Answer: 3");
        ScriptedModel provider = new ScriptedModel("p", "Answer: B", "Answer: 3");
        ToldEpisodes told = new ToldEpisodes();
        BenchmarkResult result = new BenchmarkRunner(receiver, provider, new BinaryFeedback(), new Scorer()::score, 1, 1)
                .run("b", two, RoundListener.NONE, told);

        assertThat(told.inOrderOf(two)).extracting(Episode::status)
                .containsExactly(EpisodeStatus.ERROR, EpisodeStatus.CORRECT_AT_ROUND_0);
        assertThat(told.inOrderOf(two).get(0).error()).contains("HTTP 500");
        assertThat(result.firstError()).hasValueSatisfying(error -> {
            assertThat(error.sampleId()).isEqualTo(two.samples().get(0).id());
            assertThat(error.error()).contains("HTTP 500");
        });
        Metrics metrics = result.metrics();
        assertThat(metrics.counts().errors()).isEqualTo(1);
        assertThat(metrics.accuracy().trials()).isEqualTo(1);
        assertThat(metrics.errorRate().value()).isEqualTo(0.5);
    }

    /**
     * Round-0 answers chosen by hand (ground truth A everywhere), so the test set is known without
     * asking the code under test: receiver wrong and provider right on q1, q3 and q4 only.
     */
    @Test
    void theTestSetIsExactlyTheSamplesTheReceiverMissesAndTheProviderSolves() throws InterruptedException {
        Dataset six = new Dataset("six", Path.of("six.jsonl"), List.of("q0", "q1", "q2", "q3", "q4", "q5").stream()
                .map(id -> new Sample(id, "Question " + id, List.of(), List.of("w", "x", "y", "z"), "A", "c", Map.of()))
                .toList());
        ChatModel receiver = byId("r", Map.of("q0", "A", "q1", "B", "q2", "B", "q3", "B", "q4", "D", "q5", "A"),
                Map.of("q1", "A", "q3", "C", "q4", "D"));
        ChatModel provider = byId("p", Map.of("q0", "B", "q1", "A", "q2", "C", "q3", "A", "q4", "A", "q5", "B"), Map.of());

        ToldEpisodes told = new ToldEpisodes();
        BenchmarkResult result = new BenchmarkRunner(receiver, provider, new BinaryFeedback(), new Scorer()::score, 1, 3)
                .run("b", six, RoundListener.NONE, told);

        assertThat(told.inOrderOf(six)).extracting(Episode::sampleId, Episode::status).containsExactly(
                tuple("q0", EpisodeStatus.CORRECT_AT_ROUND_0),
                tuple("q1", EpisodeStatus.CORRECTED),
                tuple("q2", EpisodeStatus.EXCLUDED),
                tuple("q3", EpisodeStatus.NOT_CORRECTED),
                tuple("q4", EpisodeStatus.NOT_CORRECTED),
                tuple("q5", EpisodeStatus.CORRECT_AT_ROUND_0));
        assertThat(result.metrics().counts()).isEqualTo(new Counts(2, 1, 1, 2, 0, 0));
        assertThat(result.metrics().correctionRate()).isEqualTo(new Rate(1, 3));
        assertThat(result.providerRoundZero()).isEqualTo(new Rate(3, 6));
    }

    /**
     * No barrier after round 0: a sample's episode runs as soon as its own two round-0 answers are
     * in, so with one slot each sample's calls come together, in dataset order.
     */
    @Test
    void eachSampleGoesFromItsRoundZeroAnswersToItsLastRoundBeforeTheNextSampleStarts() throws InterruptedException {
        Dataset four = new Dataset("four", Path.of("four.jsonl"), List.of("q0", "q1", "q2", "q3").stream()
                .map(id -> new Sample(id, "Question " + id, List.of(), List.of("w", "x", "y", "z"), "A", "c", Map.of()))
                .toList());
        List<String> calls = new CopyOnWriteArrayList<>();
        ChatModel receiver = recording(calls, byId("r", Map.of("q0", "B", "q1", "A", "q2", "C", "q3", "B"),
                Map.of("q0", "C", "q2", "A", "q3", "A")));
        ChatModel provider = recording(calls, byId("p", Map.of("q0", "A", "q1", "A", "q2", "A", "q3", "B"), Map.of()));

        BenchmarkResult result = new BenchmarkRunner(receiver, provider, new BinaryFeedback(), new Scorer()::score, 2, 1)
                .run("b", four, RoundListener.NONE, e -> {});

        assertThat(calls).containsExactly(
                "r q0 0", "p q0 0", "r q0 1", "r q0 2",
                "r q1 0", "p q1 0",
                "r q2 0", "p q2 0", "r q2 1",
                "r q3 0", "p q3 0");
        assertThat(result.metrics().counts()).isEqualTo(new Counts(1, 1, 1, 1, 0, 0));
        assertThat(result.providerRoundZero()).isEqualTo(new Rate(3, 4));
    }

    @Test
    void aDatasetFileChangedDuringTheRunEndsItWithTheLineNamedAndStartsNoFurtherSample(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.jsonl");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add("{\"id\": \"q" + i + "\", \"question\": \"What is " + i + " + 2?\", \"answer\": \"" + (i + 2) + "\"}");
        }
        Files.write(file, rows);
        Dataset dataset = new dev.interfeedback.dataset.JsonlDatasetLoader().load(file);
        rows.set(12, rows.get(12).replace("+ 2", "+ 3"));
        Files.write(file, rows);
        List<String> told = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> simulated(4, "simulator:?accuracy=0.5", "simulator:?accuracy=0.9")
                .run("b", dataset, RoundListener.NONE, e -> told.add(e.sampleId())))
                .isInstanceOf(dev.interfeedback.dataset.DatasetException.class)
                .hasMessageContaining("data.jsonl:13")
                .hasMessageContaining("the file changed during the run");
        // Samples before it ran; of those after it, only what the other three workers had taken already.
        assertThat(told).contains("q0", "q11").doesNotContain("q12").hasSizeLessThanOrEqualTo(15);
    }

    /** {@code model}, writing "alias sample round" into {@code calls} for every call. */
    private static ChatModel recording(List<String> calls, ChatModel model) {
        return new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) throws ModelException {
                CallContext context = request.context();
                calls.add(model.info().alias() + " " + context.sampleId() + " " + context.round());
                return model.chat(request);
            }

            @Override
            public ModelInfo info() {
                return model.info();
            }
        };
    }

    /** Answers "Answer: X" by sample id: {@code roundZero} at round 0, {@code later} after feedback. */
    private static ChatModel byId(String alias, Map<String, String> roundZero, Map<String, String> later) {
        return new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                CallContext context = request.context();
                Map<String, String> answers = context.round() == 0 ? roundZero : later;
                return new ChatResponse("Answer: " + answers.get(context.sampleId()), Usage.NONE);
            }

            @Override
            public ModelInfo info() {
                return new ModelInfo(alias, alias, false);
            }
        };
    }

    private static BenchmarkRunner simulated(int concurrency, String receiverUrl, String providerUrl) {
        SimulatedModel receiver = new SimulatedModel("receiver", SimulatorProfile.parse(receiverUrl));
        SimulatedModel provider = new SimulatedModel("provider", SimulatorProfile.parse(providerUrl));
        return new BenchmarkRunner(receiver, provider, new DetailedFeedback(provider), new Scorer()::score, 3, concurrency);
    }

    private static Dataset dataset(int size) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            samples.add(i % 2 == 0
                    ? new Sample("mc-" + i, "Question " + i, List.of(), List.of("w", "x", "y", "z"), "A", "choice", Map.of())
                    : new Sample("ff-" + i, "Question " + i, List.of(), List.of(), String.valueOf(i * 3), "free", Map.of()));
        }
        return new Dataset("synthetic", Path.of("synthetic.jsonl"), samples);
    }
}
