package dev.interfeedback.model.openai;

import static dev.interfeedback.model.openai.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelHttpException;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Usage;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** How a 2xx body becomes a {@link ChatResponse}, and how a malformed one is reported. */
class ResponseParsingTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void readsTheFirstChoicesContentAndTheUsage() throws Exception {
        server.enqueue(Fixtures.completion("The answer is (B).", 1234, 56));

        ChatResponse response = Fixtures.model(server).chat(Fixtures.simpleRequest());

        assertThat(response.text()).isEqualTo("The answer is (B).");
        assertThat(response.usage()).isEqualTo(new Usage(1234, 56));
    }

    @Test
    void theTokensOpenAiServedFromItsPromptCacheAreRead() throws Exception {
        server.enqueue(json(200, """
                {"choices":[{"message":{"role":"assistant","content":"B"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,
                          "prompt_tokens_details":{"cached_tokens":1920,"audio_tokens":0},
                          "completion_tokens_details":{"reasoning_tokens":0}}}"""));

        ChatResponse response = Fixtures.model(server).chat(Fixtures.simpleRequest());

        assertThat(response.usage()).isEqualTo(new Usage(2006, 300, 1920, 0));
    }

    @Test
    void missingUsageCountsAsZero() throws Exception {
        server.enqueue(json(200, """
                {"choices":[{"message":{"role":"assistant","content":"42"}}]}"""));

        ChatResponse response = Fixtures.model(server).chat(Fixtures.simpleRequest());

        assertThat(response.text()).isEqualTo("42");
        assertThat(response.usage()).isEqualTo(Usage.NONE);
    }

    @Test
    void noChoicesIsAnErrorSayingWhatWasExpected() {
        server.enqueue(json(200, """
                {"id":"x","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":0}}"""));

        assertThatThrownBy(() -> Fixtures.model(server).chat(Fixtures.simpleRequest()))
                .isExactlyInstanceOf(ModelException.class)
                .hasMessageContaining("no choices")
                .hasMessageContaining("choices[0].message.content");
    }

    @Test
    void nullContentIsAnErrorThatNamesTheFinishReason() {
        server.enqueue(json(200, """
                {"choices":[{"message":{"role":"assistant","content":null},"finish_reason":"content_filter"}]}"""));

        assertThatThrownBy(() -> Fixtures.model(server).chat(Fixtures.simpleRequest()))
                .isExactlyInstanceOf(ModelException.class)
                .hasMessageContaining("no content")
                .hasMessageContaining("content_filter");
    }

    @Test
    void missingMessageIsNoContent() {
        server.enqueue(json(200, """
                {"choices":[{"index":0}]}"""));

        assertThatThrownBy(() -> Fixtures.model(server).chat(Fixtures.simpleRequest()))
                .isExactlyInstanceOf(ModelException.class)
                .hasMessageContaining("no content");
    }

    @Test
    void nonStringContentIsAnError() {
        server.enqueue(json(200, """
                {"choices":[{"message":{"content":{"oops":1}}}]}"""));

        assertThatThrownBy(() -> Fixtures.model(server).chat(Fixtures.simpleRequest()))
                .isExactlyInstanceOf(ModelException.class)
                .hasMessageContaining("to be a string");
    }

    @Test
    void aSuccessfulStatusWithABodyThatIsNotJsonIsAnErrorQuotingTheBody() {
        server.enqueue(json(200, "<html>proxy login</html>"));

        assertThatThrownBy(() -> Fixtures.model(server).chat(Fixtures.simpleRequest()))
                .isExactlyInstanceOf(ModelException.class)
                .hasMessageContaining("not JSON")
                .hasMessageContaining("choices[0].message.content")
                .hasMessageContaining("<html>proxy login</html>");
    }

    @Test
    void aJsonArrayInsteadOfAnObjectIsAnError() {
        server.enqueue(json(200, "[1,2]"));

        assertThatThrownBy(() -> Fixtures.model(server).chat(Fixtures.simpleRequest()))
                .isExactlyInstanceOf(ModelException.class)
                .isNotInstanceOf(ModelHttpException.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void infoNamesTheAliasAndTheModelAsReal() {
        assertThat(Fixtures.model(server).info()).isEqualTo(new ModelInfo("receiver", "gpt-test", false));
    }
}
