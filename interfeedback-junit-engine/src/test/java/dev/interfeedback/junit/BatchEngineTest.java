package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.interfeedback.junit.fixtures.LoopbackBenchmark;
import dev.interfeedback.testing.FakeBatchServer;
import dev.interfeedback.testing.KilledRuns;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The engine with both models batched: the same verdicts, as tests, and the same results.json as synchronous calls. */
class BatchEngineTest {

    @TempDir
    Path dir;

    @Test
    void batchedModelsGiveTheVerdictsAndResultsOfSynchronousCalls() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            Map<String, String> models = server.models();
            EngineExecutionResults sync = run(dir.resolve("sync"), models);
            try (FakeBatchServer receiver = new FakeBatchServer(models.get("interfeedback.model.scripted-receiver.url"));
                    FakeBatchServer provider = new FakeBatchServer(models.get("interfeedback.model.scripted-provider.url"))) {
                Map<String, String> batched = new HashMap<>(models);
                batched.put("interfeedback.model.scripted-receiver.url", receiver.baseUrl());
                batched.put("interfeedback.model.scripted-provider.url", provider.baseUrl());
                batched.put("interfeedback.model.scripted-receiver.batch", "true");
                batched.put("interfeedback.model.scripted-provider.batch", "true");
                EngineExecutionResults batch = run(dir.resolve("batch"), batched);

                assertThat(Tally.samples(batch)).isEqualTo(Tally.samples(sync)).isEqualTo(new Tally(5, 2, 1, 1, 2));
                assertThat(receiver.batchIds()).isNotEmpty();
                assertThat(receiver.chatRequests() + provider.chatRequests()).isZero();
            }
            assertThat(KilledRuns.resultsBesideBatches(dir.resolve("batch/results.json")))
                    .isEqualTo(KilledRuns.resultsBesideBatches(dir.resolve("sync/results.json")));
        }
    }

    private EngineExecutionResults run(Path out, Map<String, String> models) {
        Map<String, String> parameters = new HashMap<>(models);
        parameters.put("interfeedback.output.dir", out.toString());
        parameters.put("interfeedback.cache.enabled", "false");
        parameters.put("interfeedback.retry.initial-backoff-ms", "1");
        parameters.put("interfeedback.retry.max-backoff-ms", "5");
        parameters.put("interfeedback.batch.first-poll-ms", "5");
        parameters.put("interfeedback.batch.longest-poll-ms", "20");
        return EngineTestKit.engine(new InterFeedbackTestEngine()).selectors(selectClass(LoopbackBenchmark.class))
                .configurationParameters(parameters).execute();
    }
}
