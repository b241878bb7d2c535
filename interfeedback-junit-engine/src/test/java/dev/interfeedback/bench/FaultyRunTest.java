package dev.interfeedback.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.JsonlDatasetLoader;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.testing.ScriptedChatServer;
import dev.interfeedback.testing.ScriptedChatServer.Fault;
import dev.interfeedback.testing.ServerRuns;
import dev.interfeedback.testing.ServerRuns.Outcome;
import dev.interfeedback.testing.SyntheticDataset;
import dev.interfeedback.testing.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole benchmark runs against a loopback server that throws 429 bursts, 500s, dropped connections
 * and slow answers: the results must equal a fault-free run's, with no sample lost or counted twice.
 */
class FaultyRunTest {

    @TempDir
    static Path dir;

    static Dataset dataset;

    @BeforeAll
    static void data() throws Exception {
        dataset = new JsonlDatasetLoader().load(SyntheticDataset.write(dir.resolve("data"), 80), "synthetic");
    }

    private static Outcome run(ScriptedChatServer server) throws Exception {
        Map<String, String> settings = TestSettings.forServer(server.baseUrl(), null);
        settings.put("interfeedback.feedback", "detailed");
        settings.put("interfeedback.model.weak.timeout-ms", "300");
        settings.put("interfeedback.model.strong.timeout-ms", "300");
        return ServerRuns.run(dataset, settings, RunJournal.none());
    }

    private static Outcome faultFree() throws Exception {
        try (ScriptedChatServer server = new ScriptedChatServer(Duration.ZERO)) {
            return run(server);
        }
    }

    @Test
    void faultsChangeNothingInTheResults() throws Exception {
        Outcome clean;
        java.util.Set<String> cleanRequests;
        try (ScriptedChatServer server = new ScriptedChatServer(Duration.ZERO)) {
            clean = run(server);
            cleanRequests = server.requestsBySignature().keySet();
        }
        Outcome faulty;
        try (ScriptedChatServer server = new ScriptedChatServer(Duration.ofMillis(2))) {
            server.faults((n, signature, seen) -> {
                if (seen > 2) return Fault.NONE;
                if (n % 5 == 0) return new Fault.Status(429, "0.01");
                if (n % 11 == 0) return new Fault.Status(500, null);
                if (n % 13 == 0) return new Fault.Drop();
                if (n % 37 == 0) return new Fault.Slow(Duration.ofMillis(600));
                return Fault.NONE;
            });
            faulty = run(server);
            // The same model requests were made, only some of them more than once.
            assertThat(server.requestsBySignature().keySet()).isEqualTo(cleanRequests);
        }

        assertThat(faulty.stats().rateLimitedResponses()).isPositive();
        assertThat(faulty.stats().retries()).isGreaterThan(faulty.stats().rateLimitedResponses());
        assertThat(faulty.stats().failures()).isZero();
        assertThat(faulty.json()).isEqualTo(clean.json());
        assertThat(faulty.result().metrics().counts().errors()).isZero();
        assertThat(clean.result().metrics().counts().testSet()).isPositive();
        assertOnceEach(faulty);
    }

    @Test
    void aSampleWhoseCallsKeepFailingIsAnErrorNotAWrongAnswer() throws Exception {
        Outcome clean = faultFree();
        Outcome broken;
        try (ScriptedChatServer server = new ScriptedChatServer(Duration.ZERO)) {
            server.faults((n, signature, seen) -> signature.startsWith("weak|s3|") ? new Fault.Status(503, null) : Fault.NONE);
            broken = run(server);
        }

        Episode s3 = broken.reported().stream().filter(e -> e.sampleId().equals("s3")).findFirst().orElseThrow();
        assertThat(s3.status()).isEqualTo(EpisodeStatus.ERROR);
        assertThat(s3.error()).contains("8 attempts").contains("HTTP 503");
        assertThat(broken.result().firstError()).map(EpisodeTotals.FirstError::error).hasValue(s3.error());
        var counts = broken.result().metrics().counts();
        assertThat(counts.errors()).isEqualTo(1);
        assertThat(counts.samples()).isEqualTo(80);
        assertThat(counts.correctAtRound0() + counts.wrongAtRound0()).isEqualTo(79);
        assertThat(broken.result().metrics().errorRate().successes()).isEqualTo(1);

        // Every other sample ends as in the fault-free run.
        Map<String, EpisodeStatus> expected = clean.reported().stream()
                .filter(e -> !e.sampleId().equals("s3"))
                .collect(Collectors.toMap(Episode::sampleId, Episode::status));
        Map<String, EpisodeStatus> actual = broken.reported().stream()
                .filter(e -> !e.sampleId().equals("s3"))
                .collect(Collectors.toMap(Episode::sampleId, Episode::status));
        assertThat(actual).isEqualTo(expected);
        assertOnceEach(broken);
    }

    @Test
    void aBurstOf429sAtTheStartCostsNoSample() throws Exception {
        Outcome clean = faultFree();
        Outcome burst;
        long requests;
        try (ScriptedChatServer server = new ScriptedChatServer(Duration.ZERO)) {
            server.faults((n, signature, seen) -> n <= 30 ? new Fault.Status(429, "0.05") : Fault.NONE);
            Map<String, String> settings = TestSettings.forServer(server.baseUrl(), null);
            settings.put("interfeedback.feedback", "detailed");
            // Fewer attempts than 429s: waiting out an announced rate limit must not use them.
            settings.put("interfeedback.retry.max-attempts", "3");
            burst = ServerRuns.run(dataset, settings, RunJournal.none());
            requests = server.requests();
            assertThat(requests).isEqualTo(server.answered() + 30);
        }

        assertThat(burst.result().metrics().counts().errors()).isZero();
        assertThat(burst.json()).isEqualTo(clean.json());
        assertThat(burst.stats().calls()).isEqualTo(requests);
        assertThat(burst.stats().rateLimitedResponses()).isEqualTo(30);
        assertOnceEach(burst);
    }

    private static void assertOnceEach(Outcome outcome) {
        assertThat(outcome.reported()).hasSize(dataset.size());
        assertThat(outcome.reported().stream().map(Episode::sampleId).distinct().count()).isEqualTo(dataset.size());
        assertThat(outcome.reported().stream().map(Episode::sampleId))
                .containsExactlyInAnyOrderElementsOf(dataset.samples().stream().map(s -> s.id()).toList());
        assertThat(outcome.result().metrics().counts().samples()).isEqualTo(dataset.size());
    }
}
