package dev.interfeedback.model.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.Content;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelHttpException;
import dev.interfeedback.model.Usage;
import dev.interfeedback.model.http.HttpModelSettings;
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

/** Gemini's generateContent as a real server receives and answers it, on loopback. */
class GeminiModelTest {

    private static final String KEY = "fake-gemini-test-key-0004";
    private static final ObjectMapper JSON = new ObjectMapper();

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path tmp;

    @Test
    void postsToGenerateContentWithTheKeyInAHeaderNeverInTheUrl() throws Exception {
        Path png = png();
        server.enqueue(answer("Answer: B", "STOP", """
                {"promptTokenCount":1290,"candidatesTokenCount":8,"totalTokenCount":1298}"""));

        ChatResponse answer = model("models/gemini-test").chat(request(List.of(
                Message.system("You are careful."),
                Message.user(List.of(Content.image(png), Content.text("Which option?"))),
                Message.assistant("Answer: A"),
                Message.user("Your answer is incorrect."))));

        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1beta/models/gemini-test:generateContent");
        assertThat(recorded.getUrl().query()).as("no key= in the URL").isNull();
        assertThat(recorded.getHeaders().get("x-goog-api-key")).isEqualTo(KEY);
        assertThat(recorded.getHeaders().get("Authorization")).isNull();

        JsonNode body = JSON.readTree(recorded.getBody().utf8());
        assertThat(body.path("system_instruction").path("parts").get(0).path("text").asText()).isEqualTo("You are careful.");
        JsonNode contents = body.path("contents");
        assertThat(contents).hasSize(3);
        assertThat(contents.get(0).path("role").asText()).isEqualTo("user");
        JsonNode image = contents.get(0).path("parts").get(0).path("inline_data");
        assertThat(image.path("mime_type").asText()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(image.path("data").asText())).isEqualTo(Files.readAllBytes(png));
        assertThat(contents.get(0).path("parts").get(1).path("text").asText()).isEqualTo("Which option?");
        assertThat(contents.get(1).path("role").asText()).isEqualTo("model");
        assertThat(contents.get(1).path("parts").get(0).path("text").asText()).isEqualTo("Answer: A");
        assertThat(contents.get(2).path("parts").get(0).path("text").asText()).isEqualTo("Your answer is incorrect.");
        JsonNode generation = body.path("generationConfig");
        assertThat(generation.path("temperature").asDouble()).isEqualTo(0.0);
        assertThat(generation.path("seed").asLong()).isEqualTo(HttpModelSettings.DEFAULT_SEED);
        assertThat(generation.path("maxOutputTokens").asInt()).isEqualTo(HttpModelSettings.DEFAULT_MAX_TOKENS);

        assertThat(answer.text()).isEqualTo("Answer: B");
        assertThat(answer.finishReason()).isNull();
        assertThat(answer.usage()).isEqualTo(new Usage(1290, 8, 0, 0));
    }

    @Test
    void cachedAndThinkingTokensAreReadFromUsageMetadata() throws Exception {
        server.enqueue(answer("Answer: C", "STOP", """
                {"promptTokenCount":2000,"cachedContentTokenCount":1536,"candidatesTokenCount":20,
                 "thoughtsTokenCount":100,"totalTokenCount":2120}"""));

        ChatResponse answer = model("gemini-test").chat(simple());

        assertThat(answer.usage()).isEqualTo(new Usage(2000, 120, 1536, 0));
    }

    @Test
    void aSafetyStopAndABlockedPromptAreRefusalsAndMaxTokensIsACutAnswer() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("""
                {"candidates":[{"finishReason":"SAFETY","index":0,
                  "safetyRatings":[{"category":"HARM_CATEGORY_DANGEROUS_CONTENT","probability":"HIGH"}]}],
                 "usageMetadata":{"promptTokenCount":50,"totalTokenCount":50}}""").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("""
                {"promptFeedback":{"blockReason":"PROHIBITED_CONTENT"},
                 "usageMetadata":{"promptTokenCount":50,"totalTokenCount":50}}""").build());
        server.enqueue(answer("Let me think step by", "MAX_TOKENS", "{\"promptTokenCount\":5,\"candidatesTokenCount\":1024}"));

        ChatResponse safety = model("gemini-test").chat(simple());
        ChatResponse blocked = model("gemini-test").chat(simple());
        ChatResponse cut = model("gemini-test").chat(simple());

        assertThat(safety.refused()).isTrue();
        assertThat(safety.text()).isEqualTo("[stopped: SAFETY]");
        assertThat(safety.usage().promptTokens()).isEqualTo(50);
        assertThat(blocked.refused()).isTrue();
        assertThat(blocked.text()).isEqualTo("[prompt blocked: PROHIBITED_CONTENT]");
        assertThat(cut.finishReason()).isEqualTo("length");
    }

    @Test
    void errorsKeepTheirStatusAndMessage() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                .addHeader("Retry-After", "3").body("""
                {"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}""")
                .build());
        server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json").body("""
                {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}""")
                .build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"candidates\":[]}").build());

        ModelHttpException limited = catchThrowableOfType(ModelHttpException.class, () -> model("gemini-test").chat(simple()));
        ModelHttpException invalid = catchThrowableOfType(ModelHttpException.class, () -> model("gemini-test").chat(simple()));
        ModelException empty = catchThrowableOfType(ModelException.class, () -> model("gemini-test").chat(simple()));

        assertThat(limited.rateLimited()).isTrue();
        assertThat(limited.retryAfter()).contains(java.time.Duration.ofSeconds(3));
        assertThat(limited.apiMessage()).isEqualTo("Resource has been exhausted (e.g. check quota).");
        assertThat(invalid.retryable()).isFalse();
        assertThat(invalid.getMessage()).contains("HTTP 400").contains("API key not valid").doesNotContain(KEY);
        assertThat(empty.getMessage()).contains("has no candidates").contains("candidates[0].content.parts[].text");
    }

    private GeminiModel model(String name) {
        return GeminiModel.create(HttpModelSettings.builder("gemini", server.url("/v1beta").toString(), name)
                .apiKeyEnv("K").build(), Map.of("K", KEY)::get);
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

    private static MockResponse answer(String text, String finishReason, String usage) {
        String body = """
                {"candidates":[{"content":{"parts":[{"text":%s}],"role":"model"},"finishReason":"%s","index":0}],
                 "usageMetadata":%s,"modelVersion":"gemini-test"}
                """.formatted("\"" + text.replace("\"", "\\\"") + "\"", finishReason, usage);
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }
}
