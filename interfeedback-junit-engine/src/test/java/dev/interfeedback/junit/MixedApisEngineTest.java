package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.junit.fixtures.LoopbackBenchmark;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The engine with the receiver on one API and the provider on another, each in its own wire format. */
class MixedApisEngineTest {

    private static final String ANTHROPIC_KEY = "fake-anthropic-test-key-0001";
    private static final String GEMINI_KEY = "fake-gemini-test-key-0002";

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
    void aGeminiReceiverCorrectedByAClaudeProviderEndsAsWithOpenAiOnBothSides() throws Exception {
        EngineExecutionResults openAi = run(Map.of(), "openai");
        server.recorded().clear();
        EngineExecutionResults mixed = run(Map.of(
                "interfeedback.model.scripted-receiver.api", "gemini",
                "interfeedback.model.scripted-receiver.api-key-env", "IF_GEMINI_KEY",
                "interfeedback.model.scripted-provider.api", "anthropic",
                "interfeedback.model.scripted-provider.api-key-env", "IF_ANTHROPIC_KEY"), "mixed");

        assertThat(Tally.samples(mixed)).isEqualTo(Tally.samples(openAi)).isEqualTo(new Tally(5, 2, 1, 1, 2));
        assertThat(Tally.rounds(mixed, "loop-fix")).isEqualTo(Tally.rounds(openAi, "loop-fix"));

        List<RecordedRequest> requests = server.recorded();
        List<RecordedRequest> toReceiver = requests.stream()
                .filter(r -> r.getUrl().encodedPath().equals("/receiver/v1/models/receiver-model:generateContent")).toList();
        List<RecordedRequest> toProvider = requests.stream()
                .filter(r -> r.getUrl().encodedPath().equals("/provider/v1/messages")).toList();
        assertThat(toReceiver.size() + toProvider.size()).isEqualTo(requests.size());
        assertThat(toReceiver).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getHeaders().get("x-goog-api-key")).isEqualTo(GEMINI_KEY);
            assertThat(r.getUrl().query()).isNull();
        });
        assertThat(toProvider).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getHeaders().get("x-api-key")).isEqualTo(ANTHROPIC_KEY);
            assertThat(r.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
            assertThat(r.getHeaders().get("Authorization")).isNull();
        });

        // The provider's feedback requests mark the question's stable part; the scripted server then
        // serves 6 of their 10 prompt tokens from its cache.
        JsonNode provider = new ObjectMapper().readTree(output.resolve("mixed/results.json").toFile())
                .path("benchmarks").path(0).path("provider");
        assertThat(provider.path("tokens").path("cachedPrompt").asLong()).isPositive();
        assertThat(provider.path("tokens").path("cachedPrompt").asLong())
                .isLessThan(provider.path("tokens").path("prompt").asLong());
    }

    private EngineExecutionResults run(Map<String, String> extra, String folder) {
        Map<String, String> parameters = new HashMap<>(server.models());
        parameters.put("interfeedback.output.dir", output.resolve(folder).toString());
        parameters.put("interfeedback.cache.enabled", "false");
        parameters.put("interfeedback.parallel", "false");
        parameters.put("interfeedback.retry.initial-backoff-ms", "1");
        parameters.put("interfeedback.retry.max-backoff-ms", "5");
        parameters.putAll(extra);
        return EngineTestKit.engine(new InterFeedbackTestEngine(Map.of("IF_ANTHROPIC_KEY", ANTHROPIC_KEY,
                        "IF_GEMINI_KEY", GEMINI_KEY)::get))
                .selectors(selectClass(LoopbackBenchmark.class))
                .configurationParameters(parameters)
                .execute();
    }
}
