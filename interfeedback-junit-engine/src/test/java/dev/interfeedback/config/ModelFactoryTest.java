package dev.interfeedback.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Configuration keys become models: an OpenAI-compatible endpoint on loopback, or the simulator. */
class ModelFactoryTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void buildsAnOpenAiCompatibleModelFromItsKeys() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"choices\":[{\"message\":{\"content\":\"Answer: B\"}}],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3}}")
                .build());
        Map<String, String> keys = Map.of(
                "interfeedback.model.gpt.url", server.url("/v1").toString(),
                "interfeedback.model.gpt.name", "gpt-4o",
                "interfeedback.model.gpt.api-key-env", "OPENAI_API_KEY",
                "interfeedback.model.gpt.max-tokens", "64",
                "interfeedback.model.gpt.seed", "none");
        ChatModel model = factory(keys, Map.of("OPENAI_API_KEY", "sk-test")).create("gpt");

        var response = model.chat(new ChatRequest(List.of(Message.user("2+2?")),
                new CallContext("s", "B", List.of(), CallContext.Purpose.ANSWER, 0, null)));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test");
        String body = request.getBody().utf8();
        assertThat(body).contains("\"model\":\"gpt-4o\"").contains("\"max_tokens\":64").doesNotContain("seed");
        assertThat(response.text()).isEqualTo("Answer: B");
        assertThat(model.info().simulated()).isFalse();
    }

    @Test
    void maxTokensNoneSendsNoLimit() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"choices\":[{\"message\":{\"content\":\"Answer: B\"}}]}").build());
        Map<String, String> keys = Map.of("interfeedback.model.m.url", server.url("/v1").toString(),
                "interfeedback.model.m.name", "m", "interfeedback.model.m.max-tokens", "none",
                "interfeedback.cache.enabled", "false");

        factory(keys, Map.of()).create("m").chat(new ChatRequest(List.of(Message.user("2+2?")),
                new CallContext("s", "B", List.of(), CallContext.Purpose.ANSWER, 0, null)));

        assertThat(server.takeRequest().getBody().utf8()).doesNotContain("max_tokens");
    }

    @Test
    void aMisspeltApiIsRefusedWithTheClosestOne() {
        Map<String, String> keys = Map.of("interfeedback.model.c.url", "https://api.anthropic.com/v1",
                "interfeedback.model.c.name", "claude-3-5-sonnet-latest", "interfeedback.model.c.api", "antropic");

        assertThatThrownBy(() -> factory(keys, Map.of()).create("c"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("interfeedback.model.c.api: expected openai, anthropic or gemini, found \"antropic\""
                        + " (did you mean anthropic?)");
    }

    @Test
    void anEndpointWithoutAModelNameIsRejected() {
        assertThatThrownBy(() -> factory(Map.of("interfeedback.model.x.url", "http://127.0.0.1:1/v1"), Map.of()).create("x"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("interfeedback.model.x.name");
    }

    @Test
    void aBadSimulatorParameterNamesTheKey() {
        assertThatThrownBy(() -> factory(Map.of("interfeedback.model.sim.url", "simulator:?accuracy=2"), Map.of()).create("sim"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("interfeedback.model.sim.url")
                .hasMessageContaining("accuracy");
    }

    @Test
    void anUnknownAliasSaysWhatToSet() {
        assertThatThrownBy(() -> factory(Map.of(), Map.of()).create("candidate"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("interfeedback.model.candidate.url");
    }

    @Test
    void aNonNumericMaxTokensIsNamed() {
        assertThatThrownBy(() -> factory(Map.of("interfeedback.model.x.url", "http://127.0.0.1:1/v1",
                "interfeedback.model.x.name", "m", "interfeedback.model.x.max-tokens", "lots"), Map.of()).create("x"))
                .hasMessageContaining("interfeedback.model.x.max-tokens").hasMessageContaining("\"lots\"");
    }

    private static ModelFactory factory(Map<String, String> keys, Map<String, String> env) {
        return new ModelFactory(new Settings(k -> Optional.ofNullable(keys.get(k))), env::get);
    }
}
