package dev.interfeedback.model.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.cli.InterFeedbackCli;
import dev.interfeedback.testing.CliRuns;
import dev.interfeedback.testing.FakeBatchServer;
import dev.interfeedback.testing.KilledRuns;
import dev.interfeedback.testing.LoopbackChat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs through the Batch API on a fake server in front of the scripted chat server: the results
 * equal a synchronous run's, in a handful of HTTP requests; waves split to the limits; failed and
 * expired lines are errors; a run killed while polling resumes the same batches.
 */
class BatchRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final LoopbackChat loopback = new LoopbackChat().withDataset(() -> dir.resolve("data"), 30);

    private FakeBatchServer batch;

    @BeforeEach
    void start() throws IOException {
        batch = new FakeBatchServer(loopback.server().baseUrl());
    }

    @AfterEach
    void stop() {
        batch.close();
    }

    @Test
    void aBatchRunEqualsASynchronousRunInAFewRequestsAndFillsTheCache() throws Exception {
        Path sync = dir.resolve("sync");
        CliRuns.run(settings(sync, false)).succeeded();
        int syncCalls = batch.chatRequests();

        Path batched = dir.resolve("batched");
        int before = batch.requests();
        String out = CliRuns.run(settings(batched, true)).succeeded().out();
        int batchRequests = batch.requests() - before;

        assertThat(KilledRuns.resultsBesideBatches(batched.resolve("results.json"))).isEqualTo(KilledRuns.resultsBesideBatches(sync.resolve("results.json")));
        assertThat(KilledRuns.sortedLines(batched.resolve("episodes.jsonl"))).isEqualTo(KilledRuns.sortedLines(sync.resolve("episodes.jsonl")));
        // Round 0, then feedback and answer for each of three rounds: at most seven waves, each one
        // batch per model (upload, create, polls, output file).
        assertThat(out).contains("dataset: wave 1: 60 requests in 2 batches");
        assertThat(batch.timesSent().values()).allMatch(n -> n == 1);
        assertThat(batch.timesSent()).hasSize(syncCalls);
        assertThat(batchRequests).isLessThan(syncCalls / 2);
        assertThat(batched.resolve("journal")).doesNotExist();

        // The cache holds every answer under the synchronous path's keys: a synchronous run asks nothing.
        int chatBefore = batch.chatRequests();
        CliRuns.run(settings(batched, false)).succeeded();
        assertThat(batch.chatRequests()).isEqualTo(chatBefore);
    }

    /**
     * The cells of a matrix share their round-0 answers; a dry pass's deferred calls are failures
     * of that pass only, never answers shared with the other passes and cells.
     */
    @Test
    void aMatrixThroughTheBatchesEqualsASynchronousMatrix() throws Exception {
        Path sync = dir.resolve("sync");
        CliRuns.run(settings(sync, false, "interfeedback.feedbacks=binary,detailed")).succeeded();
        Path batched = dir.resolve("batched");
        CliRuns.run(settings(batched, true, "interfeedback.feedbacks=binary,detailed")).succeeded();

        JsonNode results = JSON.readTree(batched.resolve("results.json").toFile());
        assertThat(results.path("benchmarks")).hasSize(2);
        assertThat(results.path("benchmarks")).allSatisfy(b -> assertThat(b.path("counts").path("errors").asLong()).isZero());
        assertThat(KilledRuns.resultsBesideBatches(batched.resolve("results.json")))
                .isEqualTo(KilledRuns.resultsBesideBatches(sync.resolve("results.json")));
    }

    @Test
    void aWaveLargerThanTheLimitsIsSplitIntoSeveralBatches() throws Exception {
        Path sync = dir.resolve("sync");
        CliRuns.run(settings(sync, false)).succeeded();
        Path batched = dir.resolve("batched");
        String out = CliRuns.run(settings(batched, true, "interfeedback.batch.max-requests=7")).succeeded().out();
        // 30 requests of each model in files of at most 7: 5 batches each.
        assertThat(out).contains("dataset: wave 1: 60 requests in 10 batches");
        assertThat(KilledRuns.resultsBesideBatches(batched.resolve("results.json"))).isEqualTo(KilledRuns.resultsBesideBatches(sync.resolve("results.json")));
        assertThat(batch.timesSent().values()).allMatch(n -> n == 1);
    }

    @Test
    void failedAndExpiredLinesAreErrorsNeverWrongAnswers() throws Exception {
        batch.failing(body -> body.contains("[[id:s3]]"));
        Path failed = dir.resolve("failed");
        CliRuns.run(settings(failed, true, "interfeedback.max-error-rate=100%", "interfeedback.model.weak.batch.retry=none",
                "interfeedback.model.strong.batch.retry=none")).succeeded();
        JsonNode s3 = episode(failed, "s3");
        assertThat(s3.path("status").asText()).isEqualTo("ERROR");
        assertThat(s3.path("error").asText()).matches("(weak|strong): batch batch_\\d+, line [0-9a-f]{64}: .*scripted batch line failure");
        assertThat(JSON.readTree(failed.resolve("results.json").toFile()).path("benchmarks").get(0).path("counts").path("errors").asInt())
                .isEqualTo(1);

        batch.failing(body -> false).expireHalf(true);
        Path expired = dir.resolve("expired");
        CliRuns.run(settings(expired, true, "interfeedback.max-error-rate=100%", "interfeedback.model.weak.batch.retry=none",
                "interfeedback.model.strong.batch.retry=none")).succeeded();
        JsonNode counts = JSON.readTree(expired.resolve("results.json").toFile()).path("benchmarks").get(0).path("counts");
        assertThat(counts.path("errors").asInt()).isPositive();
        assertThat(Files.readAllLines(expired.resolve("episodes.jsonl")).stream().filter(l -> l.contains("\"ERROR\"")))
                .allMatch(l -> l.contains("ended expired without an answer"));
    }

    @Test
    void theDoneLinesOfAnExpiredBatchAreUsedAndTheRestGoInTheNextWave() throws Exception {
        Path sync = dir.resolve("sync");
        CliRuns.run(settings(sync, false)).succeeded();
        batch.expireHalfOfNext(1);
        Path batched = dir.resolve("batched");
        String out = CliRuns.run(settings(batched, true)).succeeded().out();

        assertThat(KilledRuns.resultsBesideBatches(batched.resolve("results.json")))
                .isEqualTo(KilledRuns.resultsBesideBatches(sync.resolve("results.json")));
        // The first batch (30 requests) expired with 15 answered: those 15 were sent once, the others twice.
        assertThat(batch.timesSent().values().stream().filter(n -> n == 2)).hasSize(15);
        assertThat(batch.timesSent().values()).allMatch(n -> n <= 2);
        assertThat(out).contains("expired (15 of 30 done, 0 failed)").contains("(15 retried)");
    }

    @Test
    void linesOfAnExpiredBatchCanBeRetriedSynchronously() throws Exception {
        Path sync = dir.resolve("sync");
        CliRuns.run(settings(sync, false)).succeeded();
        batch.expireHalfOfNext(2);
        Path batched = dir.resolve("batched");
        int chatBefore = batch.chatRequests();
        CliRuns.run(settings(batched, true, "interfeedback.model.weak.batch.retry=sync",
                "interfeedback.model.strong.batch.retry=sync")).succeeded();

        assertThat(KilledRuns.resultsBesideBatches(batched.resolve("results.json")))
                .isEqualTo(KilledRuns.resultsBesideBatches(sync.resolve("results.json")));
        // Both round-0 batches expired half done: their 30 unanswered requests went synchronously, once.
        assertThat(batch.chatRequests() - chatBefore).isEqualTo(30);
        assertThat(batch.timesSent().values()).allMatch(n -> n == 1);
        // Only what batches answered is billed at the batch discount.
        JsonNode receiver = JSON.readTree(batched.resolve("results.json").toFile()).path("benchmarks").get(0).path("receiver");
        long batchedPrompt = receiver.path("batch").path("tokens").path("prompt").asLong();
        assertThat(batchedPrompt).isPositive().isLessThan(receiver.path("tokens").path("prompt").asLong());
    }

    @Test
    void aLineFailingInEveryBatchIsAnErrorAfterTheAttemptsNamingItsBatchAndLine() throws Exception {
        batch.failing(body -> body.contains("[[id:s3]]"));
        Path failed = dir.resolve("failed");
        CliRuns.run(settings(failed, true, "interfeedback.max-error-rate=100%", "interfeedback.retry.max-attempts=3")).succeeded();

        JsonNode s3 = episode(failed, "s3");
        assertThat(s3.path("status").asText()).isEqualTo("ERROR");
        assertThat(s3.path("error").asText()).matches("(weak|strong): batch batch_\\d+, line [0-9a-f]{64}: .*scripted batch line failure"
                + " \\(the last of 3 attempts in batches\\)");
        String line = s3.path("error").asText().replaceFirst(".*, line ([0-9a-f]{64}):.*", "$1");
        // Each model's round-0 request for s3 was sent in three batches, and nothing else more than once.
        assertThat(batch.timesSent()).containsEntry(line, 3);
        assertThat(batch.timesSent().values().stream().filter(n -> n == 3)).hasSize(2);
        assertThat(batch.timesSent().values()).allMatch(n -> n == 1 || n == 3);
        assertThat(JSON.readTree(failed.resolve("results.json").toFile()).path("benchmarks").get(0).path("counts").path("errors").asInt())
                .isEqualTo(1);
    }

    @Test
    void callsABatchAnsweredCostTheDiscountAndResultsSayWhatItSaved() throws Exception {
        String[] prices = {"interfeedback.model.weak.price.prompt-per-million=2", "interfeedback.model.weak.price.completion-per-million=8",
                "interfeedback.model.strong.price.prompt-per-million=4", "interfeedback.model.strong.price.completion-per-million=16",
                "interfeedback.model.strong.price.batch-discount=25%"};
        Path sync = dir.resolve("sync");
        CliRuns.run(settings(sync, false, prices)).succeeded();
        Path batched = dir.resolve("batched");
        int before = batch.requests();
        String out = CliRuns.run(settings(batched, true, prices)).succeeded().out();
        int requests = batch.requests() - before;

        JsonNode full = JSON.readTree(sync.resolve("results.json").toFile()).path("benchmarks").get(0);
        JsonNode discounted = JSON.readTree(batched.resolve("results.json").toFile()).path("benchmarks").get(0);
        for (String role : List.of("receiver", "provider")) {
            // Every call went through a batch.
            assertThat(discounted.path(role).path("batch").path("tokens")).isEqualTo(full.path(role).path("tokens"));
            assertThat(full.path(role).path("batch").path("tokens").path("prompt").asLong()).isZero();
        }
        double receiver = full.path("cost").path("receiver").asDouble(), provider = full.path("cost").path("provider").asDouble();
        assertThat(receiver).isPositive();
        assertThat(discounted.path("cost").path("receiver").asDouble()).isCloseTo(receiver * 0.5, within(1e-12));
        assertThat(discounted.path("cost").path("provider").asDouble()).isCloseTo(provider * 0.75, within(1e-12));
        assertThat(discounted.path("cost").path("savedByBatch").asDouble()).isCloseTo(receiver * 0.5 + provider * 0.25, within(1e-12));
        assertThat(discounted.path("receiver").path("batch").path("saved").asDouble()).isCloseTo(receiver * 0.5, within(1e-12));
        assertThat(full.path("cost").path("savedByBatch").asDouble()).isZero();
        // Every HTTP request of the batch engine is counted.
        assertThat(out).contains("batch API requests: " + requests
                + " (uploads, batch creations, polls, result files)");
    }

    @Test
    void withTheCacheOffAModelThatIsNotBatchedIsAskedOncePerCall() throws Exception {
        Path sync = dir.resolve("sync");
        int before = batch.chatRequests();
        CliRuns.run(settings(sync, false, "interfeedback.cache.enabled=false")).succeeded();
        int syncCalls = batch.chatRequests() - before;

        Path mixed = dir.resolve("mixed");
        before = batch.chatRequests();
        CliRuns.run(settings(mixed, false, "interfeedback.cache.enabled=false", "interfeedback.model.weak.batch=true")).succeeded();
        int strongCalls = batch.chatRequests() - before;

        assertThat(KilledRuns.resultsBesideBatches(mixed.resolve("results.json")))
                .isEqualTo(KilledRuns.resultsBesideBatches(sync.resolve("results.json")));
        // The receiver's calls went in batches, once each; the provider's were asked once, not in every dry pass.
        assertThat(batch.timesSent()).as("the receiver's batched lines").isNotEmpty();
        assertThat(strongCalls).isLessThan(syncCalls);
        assertThat(batch.timesSent().values()).allMatch(n -> n == 1);
        assertThat(strongCalls + batch.timesSent().size()).isEqualTo(syncCalls);
    }

    @Test
    void batchedShardsMergeIntoTheBatchedRunWithTheirBatchTokensAndSavings() throws Exception {
        String[] prices = {"interfeedback.model.weak.price.prompt-per-million=2", "interfeedback.model.weak.price.completion-per-million=8",
                "interfeedback.model.strong.price.prompt-per-million=4", "interfeedback.model.strong.price.completion-per-million=16"};
        Path whole = dir.resolve("whole");
        CliRuns.run(settings(whole, true, prices)).succeeded();
        List<String> merge = new ArrayList<>(List.of("merge", "--into", dir.resolve("merged").toString()));
        for (int k = 1; k <= 2; k++) {
            Path shard = dir.resolve("shard-" + k);
            List<String> more = new ArrayList<>(List.of(prices));
            more.add("interfeedback.shard=" + k + "/2");
            CliRuns.run(settings(shard, true, more.toArray(String[]::new))).succeeded();
            merge.add(shard.toString());
        }
        CliRuns.run(merge.toArray(String[]::new)).succeeded();

        // Field by field, the batch tokens, what the discount saved and the discounted costs included.
        JsonNode merged = KilledRuns.results(dir.resolve("merged/results.json"));
        assertThat(merged).isEqualTo(KilledRuns.results(whole.resolve("results.json")));
        assertThat(merged.path("benchmarks").get(0).path("cost").path("savedByBatch").asDouble()).isPositive();
        assertThat(merged.path("benchmarks").get(0).path("provider").path("batch").path("tokens").path("prompt").asLong()).isPositive();
    }

    @Test
    void aRunKilledWhilePollingResumesTheSameBatchesAndPaysOnce() throws Exception {
        Path sync = dir.resolve("sync");
        CliRuns.run(settings(sync, false)).succeeded();

        batch.hold(true);
        Path out = dir.resolve("killed");
        Path settings = settings(out, true);
        Path log = dir.resolve("first.log");
        Process first = new ProcessBuilder(javaCommand(settings)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // Both models' round-0 batches created, and one of them polled while it is in progress.
        while (batch.batchIds().size() < 2 || batch.batchIds().stream().allMatch(id -> batch.polls(id) < 3)) {
            if (!first.isAlive() || System.nanoTime() > deadline) {
                first.destroyForcibly();
                throw new AssertionError("no batches polled in time:\n" + Files.readString(log));
            }
            Thread.sleep(5);
        }
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        List<String> firstWave = new ArrayList<>(batch.batchIds());
        Path journal = out.resolve("journal").resolve("dataset.batches.jsonl");
        assertThat(Files.readString(journal)).contains(firstWave.get(0)).contains(firstWave.get(1));
        int pollsBefore = batch.polls(firstWave.get(0)) + batch.polls(firstWave.get(1));

        batch.hold(false);
        String second = CliRuns.run(settings).succeeded().out();
        assertThat(second).contains("batch " + firstWave.get(0)).contains("batch " + firstWave.get(1))
                .contains("left by an interrupted run");
        assertThat(batch.polls(firstWave.get(0)) + batch.polls(firstWave.get(1))).isGreaterThan(pollsBefore + 1);
        // No request was sent in two batches: the resumed run paid for none twice.
        assertThat(batch.timesSent().values()).allMatch(n -> n == 1);
        assertThat(KilledRuns.resultsBesideBatches(out.resolve("results.json"))).isEqualTo(KilledRuns.resultsBesideBatches(sync.resolve("results.json")));
        assertThat(journal).doesNotExist();
    }

    private static JsonNode episode(Path out, String sampleId) throws IOException {
        for (String line : Files.readAllLines(out.resolve("episodes.jsonl"))) {
            JsonNode node = JSON.readTree(line);
            if (node.path("sampleId").asText().equals(sampleId)) return node;
        }
        throw new AssertionError("no episode of " + sampleId);
    }

    private Path settings(Path out, boolean batched, String... more) throws IOException {
        List<String> lines = new ArrayList<>(List.of("interfeedback.batch.first-poll-ms=5", "interfeedback.batch.longest-poll-ms=20"));
        lines.addAll(List.of(more));
        return CliRuns.settings(dir, loopback.dataset(), out, batch.baseUrl(), List.of("batch=" + batched), lines);
    }

    private static List<String> javaCommand(Path settings) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), InterFeedbackCli.class.getName(), settings.toString());
    }
}
