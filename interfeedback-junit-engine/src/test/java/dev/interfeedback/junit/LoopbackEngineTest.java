package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.interfeedback.junit.fixtures.LoopbackBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** The engine against a real HTTP server on loopback, scripted by {@link ScriptedServer}. */
class LoopbackEngineTest {

    static final UniqueId BENCHMARK = UniqueId.forEngine(InterFeedbackTestEngine.ENGINE_ID)
            .append("benchmark", LoopbackBenchmark.class.getName());

    @TempDir
    Path output;

    ScriptedServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyVerdictKindWithTheRoundsPublishedAsTheReceiverAnswers() {
        EngineExecutionResults results = run(Map.of(), selectClass(LoopbackBenchmark.class));

        // right, fix: passed; never: failed; excluded: skipped; broken (round 0), late (round 1): aborted
        assertThat(Tally.samples(results)).isEqualTo(new Tally(5, 2, 1, 1, 2));
        // rounds of right 1, fix 2, never 3, late 1
        assertThat(Tally.rounds(results)).isEqualTo(7);
        results.testEvents().assertStatistics(stats -> stats
                .started(5).succeeded(2).failed(1).skipped(1).aborted(2).dynamicallyRegistered(0));
        results.containerEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(throwable(results, "loop-never").getMessage()).isEqualTo(
                "not corrected within 2 feedback rounds; the receiver (scripted-receiver) answered "
                        + "round 0: D, round 1: D, round 2: D; ground truth: A");
        assertThat(skipReason(results, "loop-excluded")).contains("outside the test set")
                .contains("provider (scripted-provider)").contains("answered B; ground truth A");
        assertThat(throwable(results, "loop-broken"))
                .isInstanceOf(org.opentest4j.TestAbortedException.class)
                .hasMessageContaining("scripted-receiver").hasMessageContaining("500");
        assertThat(throwable(results, "loop-late")).hasMessageContaining("round 1").hasMessageContaining("500");
        // A verdict's place is the sample's source; the engine's frames under it would be noise in every report.
        assertThat(throwable(results, "loop-never").getStackTrace()).isEmpty();
        assertThat(throwable(results, "loop-broken").getStackTrace()).isEmpty();
    }

    @Test
    void eachRoundIsOneLineOnItsSampleInRoundOrderAndTheTranscriptHasTheTexts() throws Exception {
        EngineExecutionResults results = run(Map.of(), selectClass(LoopbackBenchmark.class));

        assertThat(Tally.rounds(results, "loop-never")).containsExactly("round 0: answered D (wrong)",
                "round 1: answered D (wrong) after \"" + ScriptedServer.FEEDBACK + "\"",
                "round 2: answered D (wrong) after \"" + ScriptedServer.FEEDBACK + "\"");
        List<String> order = Tally.events(results, "sample")
                .filter(e -> e.getTestDescriptor().getUniqueId().getLastSegment().getValue().equals("loop-fix"))
                .map(e -> e.getType().name())
                .toList();
        // one entry for all rounds and the transcript: each event is work for the Launcher's XML listeners
        assertThat(order).containsExactly("STARTED", "REPORTING_ENTRY_PUBLISHED", "FINISHED");
        assertThat(Tally.transcript(results, "loop-fix"))
                .startsWith("benchmark: loopback\nsample: loop-fix [").contains(ScriptedServer.FEEDBACK).contains("Thinking it over.\nAnswer: A").contains("leak guard: NONE");
    }

    @Test
    void theTestSetCountsArePublishedOnTheBenchmark() {
        EngineExecutionResults results = run(Map.of(), selectClass(LoopbackBenchmark.class));

        List<Map<String, String>> entries = results.containerEvents().reportingEntryPublished()
                .filter(e -> Tally.kind(e.getTestDescriptor().getUniqueId()).equals("benchmark"))
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .toList();
        assertThat(entries.get(0)).containsEntry("samples", "6").containsEntry("receiverCorrectAtRound0", "1")
                .containsEntry("receiverWrongAtRound0", "4").containsEntry("providerCorrectAtRound0", "4")
                .containsEntry("testSet", "3").containsEntry("roundZeroErrors", "1");
        // the core counts a sample that failed in the loop (loop-late) as an error, not in the test set
        assertThat(entries.get(1)).containsEntry("corrected", "1 of 2").containsEntry("errors", "2");
    }

    @Test
    void samplesRunConcurrentlyUpToTheLimitOfEachEndpoint() {
        server.delay(40);
        run(Map.of("interfeedback.model.scripted-receiver.max-concurrency", "2",
                "interfeedback.model.scripted-provider.max-concurrency", "3"), selectClass(LoopbackBenchmark.class));

        assertThat(server.mostInFlight(ScriptedServer.RECEIVER_MODEL)).isEqualTo(2);
        assertThat(server.mostInFlight(ScriptedServer.PROVIDER_MODEL)).isEqualTo(3);
    }

    @Test
    void onceTheRunIsCancelledNoModelIsCalledAgain() {
        CancellationToken token = CancellationToken.create();
        int[] requestsWhenCancelled = {-1};
        server.onFeedbackRequest(() -> {
            if (requestsWhenCancelled[0] < 0) {
                token.cancel();
                requestsWhenCancelled[0] = server.requests();
            }
        });

        EngineExecutionResults results = EngineTestKit.engine(new InterFeedbackTestEngine())
                .selectors(selectClass(LoopbackBenchmark.class))
                .configurationParameters(parameters(Map.of("interfeedback.parallel", "false")))
                .cancellationToken(token)
                .execute();

        assertThat(server.requests()).isEqualTo(requestsWhenCancelled[0]);
        // loop-right passed before; loop-fix was cut off before its receiver's round 1; the rest never ran
        assertThat(Tally.samples(results)).isEqualTo(new Tally(2, 1, 0, 4, 1));
        assertThat(throwable(results, "loop-fix")).hasMessageContaining("cancelled");
    }

    @Test
    void aCancelledRunKeepsItsJournalAndTheNextRunResumesIt() {
        int before = server.requests();
        EngineExecutionResults uninterrupted = run(Map.of("interfeedback.parallel", "false",
                "interfeedback.output.dir", output.resolve("uninterrupted").toString()), selectClass(LoopbackBenchmark.class));
        int uninterruptedRequests = server.requests() - before;

        cancelAtTheFirstFeedback();
        server.onFeedbackRequest(() -> {});
        before = server.requests();
        EngineExecutionResults resumed = run(Map.of("interfeedback.parallel", "false"), selectClass(LoopbackBenchmark.class));

        // The round-0 answers and the episode finished before the cancel are not asked again.
        assertThat(server.requests() - before).isLessThan(uninterruptedRequests);
        assertThat(Tally.samples(resumed)).isEqualTo(Tally.samples(uninterrupted));
        assertThat(resumed.containerEvents().reportingEntryPublished()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("resumed"))
                .filter(java.util.Objects::nonNull))
                .singleElement().asString().matches("[1-5] of 6 samples were finished by an interrupted run.*");
        assertThat(output.resolve("journal")).as("deleted once every sample is in the results").doesNotExist();
    }

    /**
     * Counted by hand (parallel, so in dataset order; two rounds; six attempts per call). A full
     * run asks 22 round-0 calls (ten answers, and six attempts for each model on loop-broken), then
     * 2 for loop-fix (feedback, answer), 4 for loop-never and 7 for loop-late (feedback, six
     * attempts): 35. The run cancelled at loop-fix's feedback journaled the ten round-0 answers
     * and loop-right's episode (which needs no call): resumed, it asks exactly the other 25.
     */
    @Test
    void aResumedRunAsksExactlyWhatTheCancelledRunLeftUndone() {
        run(Map.of("interfeedback.parallel", "false",
                "interfeedback.output.dir", output.resolve("uninterrupted").toString()), selectClass(LoopbackBenchmark.class));
        assertThat(server.requests()).as("an uninterrupted run").isEqualTo(35);

        cancelAtTheFirstFeedback();
        server.onFeedbackRequest(() -> {});
        int before = server.requests();
        run(Map.of("interfeedback.parallel", "false"), selectClass(LoopbackBenchmark.class));

        assertThat(server.requests() - before).isEqualTo(25);
    }

    @Test
    void withResumeFalseTheJournalOfACancelledRunIsIgnored() {
        cancelAtTheFirstFeedback();
        server.onFeedbackRequest(() -> {});
        int before = server.requests();

        EngineExecutionResults fresh = run(Map.of("interfeedback.parallel", "false", "interfeedback.resume", "false"),
                selectClass(LoopbackBenchmark.class));

        assertThat(server.requests() - before).as("every call of a full run (see above)").isEqualTo(35);
        assertThat(fresh.containerEvents().reportingEntryPublished()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .filter(entry -> entry.containsKey("resumed"))).isEmpty();
        assertThat(Tally.samples(fresh)).isEqualTo(new Tally(5, 2, 1, 1, 2));
    }

    /** Runs the benchmark one sample at a time, cancelled at the provider's first feedback call (loop-fix's). */
    private void cancelAtTheFirstFeedback() {
        CancellationToken token = CancellationToken.create();
        server.onFeedbackRequest(token::cancel);
        EngineTestKit.engine(new InterFeedbackTestEngine())
                .selectors(selectClass(LoopbackBenchmark.class))
                .configurationParameters(parameters(Map.of("interfeedback.parallel", "false")))
                .cancellationToken(token)
                .execute();
        assertThat(output.resolve("journal").resolve("loopback.jsonl")).as("kept for the next run").exists();
    }

    @Test
    void aRunCancelledWhileTheTestSetIsBuiltAsksNoFurtherRoundZeroAnswers() {
        CancellationToken token = CancellationToken.create();
        server.onRequest(token::cancel);

        EngineExecutionResults results = EngineTestKit.engine(new InterFeedbackTestEngine())
                .selectors(selectClass(LoopbackBenchmark.class))
                .configurationParameters(parameters(Map.of("interfeedback.concurrency", "1")))
                .cancellationToken(token)
                .execute();

        // One slot per endpoint (receiver and provider): at most the two calls already in flight
        // when the first one cancelled the run, of the twelve round-0 calls.
        assertThat(server.requests()).isBetween(1, 2);
        assertThat(Tally.samples(results)).isEqualTo(new Tally(0, 0, 0, 6, 0));
    }

    @Test
    void aUniqueIdSelectorRerunsOneSampleReusingTheStoredRoundZeroAnswers() {
        run(Map.of(), selectClass(LoopbackBenchmark.class));
        int before = server.requests();

        EngineExecutionResults rerun = run(Map.of(), selectUniqueId(BENCHMARK.append("sample", "loop-fix")));

        assertThat(Tally.samples(rerun)).isEqualTo(new Tally(1, 1, 0, 0, 0));
        assertThat(Tally.rounds(rerun)).isEqualTo(2);
        // only the feedback and the receiver's answer after it: round 0 came from the store
        assertThat(server.requests() - before).isEqualTo(2);
        assertThat(benchmarkEntry(rerun)).containsEntry("samples", "1").containsEntry("roundZeroReused", "1");
    }

    @Test
    void aRerunOfOneSampleLeavesTheFullRunsFilesAsTheyWere() throws Exception {
        run(Map.of(), selectClass(LoopbackBenchmark.class));
        String results = Files.readString(output.resolve("results.json"));
        String episodes = Files.readString(output.resolve("episodes.jsonl"));

        run(Map.of(), selectUniqueId(BENCHMARK.append("sample", "loop-fix")));

        assertThat(Files.readString(output.resolve("results.json"))).isEqualTo(results);
        assertThat(Files.readString(output.resolve("episodes.jsonl"))).isEqualTo(episodes);
        assertThat(Files.readAllLines(output.resolve("rerun/episodes.jsonl")))
                .singleElement().asString().contains("\"sampleId\":\"loop-fix\"");
    }

    @Test
    void storedRoundZeroAnswersOfAnotherModelAreNotReused() {
        run(Map.of(), selectClass(LoopbackBenchmark.class));
        int before = server.requests();

        EngineExecutionResults rerun = run(Map.of("interfeedback.model.scripted-receiver.name", "receiver-model-v2"),
                selectUniqueId(BENCHMARK.append("sample", "loop-fix")));

        assertThat(benchmarkEntry(rerun)).containsEntry("roundZeroReused", "0");
        assertThat(server.requests() - before).isEqualTo(4);
    }

    @Test
    void storedRoundZeroAnswersFromOtherSamplingSettingsAreNotReused() {
        run(Map.of(), selectClass(LoopbackBenchmark.class));

        EngineExecutionResults rerun = run(Map.of("interfeedback.model.scripted-receiver.temperature", "0.7"),
                selectUniqueId(BENCHMARK.append("sample", "loop-fix")));

        assertThat(benchmarkEntry(rerun)).containsEntry("roundZeroReused", "0");
    }

    @Test
    void aRerunWithoutStoredAnswersAsksBothModelsForThatSampleOnly() {
        EngineExecutionResults rerun = run(Map.of(), selectUniqueId(BENCHMARK.append("sample", "loop-fix")));

        assertThat(Tally.samples(rerun)).isEqualTo(new Tally(1, 1, 0, 0, 0));
        assertThat(server.requests()).isEqualTo(4);
        assertThat(benchmarkEntry(rerun)).containsEntry("roundZeroReused", "0");
    }

    private EngineExecutionResults run(Map<String, String> extra, DiscoverySelector selector) {
        return EngineTestKit.engine(new InterFeedbackTestEngine())
                .selectors(selector)
                .configurationParameters(parameters(extra))
                .execute();
    }

    private Map<String, String> parameters(Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(server.models());
        parameters.put("interfeedback.output.dir", output.toString());
        // These tests count the server's requests to see what the engine reuses; the response
        // cache would answer repeated requests itself. Scripted 500s are retried: quickly.
        parameters.put("interfeedback.cache.enabled", "false");
        parameters.put("interfeedback.retry.initial-backoff-ms", "1");
        parameters.put("interfeedback.retry.max-backoff-ms", "5");
        parameters.putAll(extra);
        return parameters;
    }

    static Throwable throwable(EngineExecutionResults results, String sampleId) {
        return finished(results, sampleId).getThrowable().orElseThrow();
    }

    static TestExecutionResult finished(EngineExecutionResults results, String sampleId) {
        return sample(results, sampleId, EventType.FINISHED).getRequiredPayload(TestExecutionResult.class);
    }

    static String skipReason(EngineExecutionResults results, String sampleId) {
        return sample(results, sampleId, EventType.SKIPPED).getRequiredPayload(String.class);
    }

    private static Event sample(EngineExecutionResults results, String sampleId, EventType type) {
        return Tally.events(results, "sample")
                .filter(e -> e.getType() == type)
                .filter(e -> e.getTestDescriptor().getUniqueId().getLastSegment().getValue().equals(sampleId))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " event of sample " + sampleId));
    }

    private static Map<String, String> benchmarkEntry(EngineExecutionResults results) {
        return results.containerEvents().reportingEntryPublished()
                .filter(e -> Tally.kind(e.getTestDescriptor().getUniqueId()).equals("benchmark"))
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .findFirst().orElseThrow();
    }
}
