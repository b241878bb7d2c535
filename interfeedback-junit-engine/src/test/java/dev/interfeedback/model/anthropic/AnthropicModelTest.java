package dev.interfeedback.model.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.config.ModelFactory;
import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.Content;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelHttpException;
import dev.interfeedback.model.Usage;
import dev.interfeedback.model.http.HttpModelSettings;
import dev.interfeedback.model.resilience.CallStats;
import dev.interfeedback.model.resilience.LimiterRegistry;
import dev.interfeedback.testing.TestSettings;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anthropic's Messages API as a real server receives and answers it, on loopback. */
class AnthropicModelTest {

    private static final String KEY = "fake-anthropic-test-key-0003";
    private static final ObjectMapper JSON = new ObjectMapper();

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path tmp;

    @Test
    void postsToMessagesWithTheKeyAndVersionHeadersAndTheSystemPromptApart() throws Exception {
        Path png = png();
        server.enqueue(message("Answer: B", "end_turn", 30, 7, 0, 0));

        ChatResponse answer = model().chat(request(List.of(
                Message.system("You are careful."),
                Message.user(List.of(Content.image(png), Content.text("Which option?"))),
                Message.assistant("Answer: A"),
                Message.user("Your answer is incorrect."))));

        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(recorded.getUrl().query()).isNull();
        assertThat(recorded.getHeaders().get("x-api-key")).isEqualTo(KEY);
        assertThat(recorded.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(recorded.getHeaders().get("Authorization")).isNull();
        assertThat(recorded.getHeaders().get("Content-Type")).startsWith("application/json");

        JsonNode body = JSON.readTree(recorded.getBody().utf8());
        assertThat(body.path("model").asText()).isEqualTo("claude-test");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(HttpModelSettings.DEFAULT_MAX_TOKENS);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.0);
        assertThat(body.has("seed")).as("the Messages API has no seed").isFalse();
        assertThat(body.path("system")).hasSize(1);
        assertThat(body.path("system").get(0).path("type").asText()).isEqualTo("text");
        assertThat(body.path("system").get(0).path("text").asText()).isEqualTo("You are careful.");
        JsonNode messages = body.path("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("user");
        JsonNode image = messages.get(0).path("content").get(0);
        assertThat(image.path("type").asText()).isEqualTo("image");
        assertThat(image.path("source").path("type").asText()).isEqualTo("base64");
        assertThat(image.path("source").path("media_type").asText()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(image.path("source").path("data").asText())).isEqualTo(Files.readAllBytes(png));
        assertThat(messages.get(0).path("content").get(1).path("text").asText()).isEqualTo("Which option?");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(1).path("content").get(0).path("text").asText()).isEqualTo("Answer: A");
        assertThat(messages.get(2).path("content").get(0).path("text").asText()).isEqualTo("Your answer is incorrect.");
        assertThat(body.toString()).as("no prefix was marked stable").doesNotContain("cache_control");

        assertThat(answer.text()).isEqualTo("Answer: B");
        assertThat(answer.finishReason()).isNull();
        assertThat(answer.usage()).isEqualTo(new Usage(30, 7, 0, 0));
    }

    @Test
    void theStablePrefixEndsInOneEphemeralCacheControlAndTheCacheCountsAreRead() throws Exception {
        server.enqueue(message("Answer: C", "end_turn", 12, 9, 1500, 40));
        ChatRequest request = request(List.of(Message.system("Teach."),
                Message.user(List.of(Content.image(png()), Content.text("Attempts so far ...")))))
                .stableThrough(1, 0);

        ChatResponse answer = model().chat(request);

        JsonNode body = JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        JsonNode parts = body.path("messages").get(0).path("content");
        assertThat(parts.get(0).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
        assertThat(parts.get(0).path("cache_control")).hasSize(1);
        assertThat(parts.get(1).has("cache_control")).isFalse();
        assertThat(body.path("system").get(0).has("cache_control")).isFalse();
        // input_tokens leaves the cache's tokens out: the prompt is all three.
        assertThat(answer.usage()).isEqualTo(new Usage(12 + 1500 + 40, 9, 1500, 40));
        assertThat(answer.usage().uncachedPromptTokens()).isEqualTo(12);
    }

    @Test
    void aRefusalIsAnAnswerAndAMaxTokensStopIsACutAnswer() throws Exception {
        server.enqueue(message("I can't help with that.", "refusal", 10, 5, 0, 0));
        server.enqueue(message("Let me think step by", "max_tokens", 10, 1024, 0, 0));

        ChatResponse refusal = model().chat(request(List.of(Message.user("?"))));
        ChatResponse cut = model().chat(request(List.of(Message.user("?"))));

        assertThat(refusal.refused()).isTrue();
        assertThat(refusal.text()).isEqualTo("I can't help with that.");
        assertThat(cut.finishReason()).isEqualTo("length");
        assertThat(cut.text()).isEqualTo("Let me think step by");
    }

    @Test
    void errorsKeepTheirStatusMessageAndRetryAfter() throws Exception {
        server.enqueue(error(529, "overloaded_error", "Overloaded", null));
        server.enqueue(error(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit", "7"));
        server.enqueue(error(400, "invalid_request_error", "messages: roles must alternate", null));

        ModelHttpException overloaded = catchThrowableOfType(ModelHttpException.class, () -> model().chat(simple()));
        ModelHttpException limited = catchThrowableOfType(ModelHttpException.class, () -> model().chat(simple()));
        ModelHttpException invalid = catchThrowableOfType(ModelHttpException.class, () -> model().chat(simple()));

        assertThat(overloaded.status()).isEqualTo(529);
        assertThat(overloaded.retryable()).isTrue();
        assertThat(overloaded.apiMessage()).isEqualTo("Overloaded");
        assertThat(limited.rateLimited()).isTrue();
        assertThat(limited.retryAfter()).contains(java.time.Duration.ofSeconds(7));
        assertThat(invalid.retryable()).isFalse();
        assertThat(invalid.getMessage()).contains("HTTP 400").contains("roles must alternate");
    }

    @Test
    void aKeyEchoedInAnErrorIsRedacted() {
        server.enqueue(error(401, "authentication_error", "invalid x-api-key: " + KEY, null));

        ModelHttpException e = catchThrowableOfType(ModelHttpException.class, () -> model().chat(simple()));

        assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain(KEY.substring(8, 24)).contains("[redacted]");
    }

    @Test
    void theApiRequiresATokenLimit() {
        HttpModelSettings noLimit = settings().noMaxTokens().build();

        assertThatThrownBy(() -> AnthropicModel.create(noLimit, Map.of("K", KEY)::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requires max_tokens")
                .hasMessageContaining("interfeedback.model.claude.max-tokens");
    }

    @Test
    void throughTheFactoryAnOverloadedAnswerIsRetriedAfterItsRetryAfter() throws Exception {
        server.enqueue(new MockResponse.Builder(error(529, "overloaded_error", "Overloaded", null))
                .setHeader("retry-after", "0").build());
        server.enqueue(message("Answer: D", "end_turn", 10, 2, 0, 0));
        Map<String, String> values = TestSettings.forServer(server.url("/v1").toString(), null);
        values.put("interfeedback.model.weak.api", "anthropic");
        values.put("interfeedback.model.weak.api-key-env", "K");
        CallStats stats = new CallStats();

        ChatModel model = new ModelFactory(TestSettings.of(values), Map.of("K", KEY)::get, new LimiterRegistry(), stats)
                .create("weak");

        assertThat(model.chat(simple()).text()).isEqualTo("Answer: D");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(stats.retries()).isEqualTo(1);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/messages");
    }

    private HttpModelSettings.Builder settings() {
        return HttpModelSettings.builder("claude", server.url("/v1/").toString(), "claude-test").apiKeyEnv("K");
    }

    private AnthropicModel model() {
        return AnthropicModel.create(settings().build(), Map.of("K", KEY)::get);
    }

    private static ChatRequest request(List<Message> messages) {
        return new ChatRequest(messages, new CallContext("s1", "A", List.of(), CallContext.Purpose.ANSWER, 0, null));
    }

    private static ChatRequest simple() {
        return request(List.of(Message.user("What is 2+2?")));
    }

    private Path png() throws Exception {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xFF8800);
        Path file = tmp.resolve("figure.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    static MockResponse message(String text, String stopReason, long input, long output, long cacheRead, long cacheWrite) {
        String body = """
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-test",
                 "content":[{"type":"text","text":%s}],
                 "stop_reason":"%s","stop_sequence":null,
                 "usage":{"input_tokens":%d,"cache_creation_input_tokens":%d,"cache_read_input_tokens":%d,"output_tokens":%d}}
                """.formatted(quote(text), stopReason, input, cacheWrite, cacheRead, output);
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse error(int status, String type, String message, String retryAfter) {
        MockResponse.Builder response = new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body("""
                        {"type":"error","error":{"type":"%s","message":%s},"request_id":"req_011"}
                        """.formatted(type, quote(message)));
        if (retryAfter != null) response.addHeader("retry-after", retryAfter);
        return response.build();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
