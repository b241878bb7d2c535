package dev.interfeedback.model.openai;

import dev.interfeedback.model.http.HttpModelSettings;
import static dev.interfeedback.model.openai.Fixtures.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.model.Content;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What goes on the wire: path, headers and the JSON body, as a real server receives them. */
class RequestShapeTest {

    private final ObjectMapper json = new ObjectMapper();
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path tmp;

    @Test
    void postsToChatCompletionsUnderTheBaseUrl() throws Exception {
        server.enqueue(completion("4", 1, 1));

        Fixtures.model(server).chat(Fixtures.simpleRequest());

        RecordedRequest recorded = take();
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(recorded.getHeaders().get("Content-Type")).startsWith("application/json");
    }

    @Test
    void aTrailingSlashOnTheBaseUrlDoesNotDoubleThePath() throws Exception {
        server.enqueue(completion("4", 1, 1));
        HttpModelSettings settings = HttpModelSettings.builder("r", server.url("/v1/").toString(), "m").build();

        OpenAiCompatibleModel.create(settings, Fixtures.EMPTY_ENV).chat(Fixtures.simpleRequest());

        assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void sendsModelMessagesInOrderAndDeterministicSampling() throws Exception {
        server.enqueue(completion("B", 1, 1));

        Fixtures.model(server).chat(Fixtures.request(
                Message.system("You are careful."),
                Message.user("Which option?"),
                Message.assistant("A"),
                Message.user("Your answer is incorrect.")));

        JsonNode body = body(take());
        assertThat(body.path("model").asText()).isEqualTo("gpt-test");
        assertThat(roles(body)).containsExactly("system", "user", "assistant", "user");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("You are careful.");
        assertThat(body.path("messages").get(2).path("content").asText()).isEqualTo("A");
        assertThat(body.path("messages").get(3).path("content").asText()).isEqualTo("Your answer is incorrect.");
        assertThat(body.path("temperature").isNumber()).isTrue();
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.0);
        assertThat(body.path("seed").asLong()).isEqualTo(HttpModelSettings.DEFAULT_SEED);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(HttpModelSettings.DEFAULT_MAX_TOKENS);
    }

    @Test
    void sendsTheImageAsADataUrlOfTheFilesBytesBesideTheText() throws Exception {
        Path png = Fixtures.writePng(tmp, "figure.png");
        server.enqueue(completion("C", 1, 1));

        Fixtures.model(server).chat(Fixtures.request(new Message(Role.USER,
                List.of(Content.text("Look at the figure."), Content.image(png), Content.text("Answer with a letter.")))));

        JsonNode parts = body(take()).path("messages").get(0).path("content");
        assertThat(parts.isArray()).isTrue();
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).path("type").asText()).isEqualTo("text");
        assertThat(parts.get(0).path("text").asText()).isEqualTo("Look at the figure.");
        assertThat(parts.get(1).path("type").asText()).isEqualTo("image_url");
        String url = parts.get(1).path("image_url").path("url").asText();
        assertThat(url).startsWith("data:image/png;base64,");
        byte[] decoded = Base64.getDecoder().decode(url.substring("data:image/png;base64,".length()));
        assertThat(decoded).isEqualTo(Files.readAllBytes(png));
        assertThat(parts.get(2).path("text").asText()).isEqualTo("Answer with a letter.");
    }

    @Test
    void aStablePrefixChangesNothingOnTheWireSinceOpenAiCachesByItself() throws Exception {
        server.enqueue(completion("B", 1, 1));
        server.enqueue(completion("B", 1, 1));

        Fixtures.model(server).chat(Fixtures.request(Message.system("S"), Message.user("Q")));
        Fixtures.model(server).chat(Fixtures.request(Message.system("S"), Message.user("Q")).stableToTheEnd());

        assertThat(take().getBody().utf8()).isEqualTo(take().getBody().utf8()).doesNotContain("cache_control");
    }

    @Test
    void aJpegIsLabelledAsJpeg() throws Exception {
        Path jpg = tmp.resolve("photo.JPG");
        Files.write(jpg, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00});
        server.enqueue(completion("C", 1, 1));

        Fixtures.model(server).chat(Fixtures.request(Message.user(List.of(Content.image(jpg)))));

        String url = body(take()).path("messages").get(0).path("content").get(0).path("image_url").path("url").asText();
        assertThat(url).isEqualTo("data:image/jpeg;base64,/9j/AA==");
    }

    @Test
    void aTextFileNamedPngFailsBeforeAnythingIsSentAndNamesTheFile() throws Exception {
        Path fake = Files.writeString(tmp.resolve("figure.png"), "this is not an image");

        assertThatThrownBy(() -> Fixtures.model(server).chat(Fixtures.request(Message.user(List.of(Content.image(fake))))))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(fake.toString())
                .hasMessageContaining("is named as a PNG image but is no PNG, JPEG, GIF or WebP image");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aGifNamedJpegFailsNamingBothFormats() throws Exception {
        Path gif = tmp.resolve("photo.jpg");
        Files.write(gif, "GIF89a....".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> Fixtures.model(server).chat(Fixtures.request(Message.user(List.of(Content.image(gif))))))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(gif + " is named as a JPEG image but holds a GIF image");
    }

    @Test
    void aMissingImageFailsBeforeAnythingIsSentAndNamesThePath() {
        Path missing = tmp.resolve("nowhere/lost.png");

        assertThatThrownBy(() -> Fixtures.model(server).chat(
                Fixtures.request(Message.user(List.of(Content.text("?"), Content.image(missing))))))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(missing.toString());
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void neverSendsTheCallContext() throws Exception {
        server.enqueue(completion("4", 1, 1));

        Fixtures.model(server).chat(Fixtures.simpleRequest());

        RecordedRequest recorded = take();
        String raw = recorded.getBody().utf8();
        assertThat(raw).doesNotContain(Fixtures.GROUND_TRUTH).doesNotContain("sample-SECRET-ID-31");
        List<String> fields = new ArrayList<>();
        body(recorded).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("model", "messages", "temperature", "seed", "max_tokens");
    }

    @Test
    void seedAndMaxTokensCanBeConfiguredOrLeftOut() throws Exception {
        server.enqueue(completion("4", 1, 1));
        server.enqueue(completion("4", 1, 1));

        OpenAiCompatibleModel.create(Fixtures.settings(server).seed(7).maxTokens(64).temperature(0.5).build(),
                Fixtures.EMPTY_ENV).chat(Fixtures.simpleRequest());
        OpenAiCompatibleModel.create(Fixtures.settings(server).noSeed().noMaxTokens().build(),
                Fixtures.EMPTY_ENV).chat(Fixtures.simpleRequest());

        JsonNode configured = body(take());
        assertThat(configured.path("seed").asLong()).isEqualTo(7);
        assertThat(configured.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(configured.path("temperature").asDouble()).isEqualTo(0.5);
        JsonNode bare = body(take());
        assertThat(bare.has("seed")).isFalse();
        assertThat(bare.has("max_tokens")).isFalse();
    }

    @Test
    void sendsTheBearerKeyWhenOneIsConfigured() throws Exception {
        server.enqueue(completion("4", 1, 1));

        Fixtures.modelWithKey(server).chat(Fixtures.simpleRequest());

        assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer " + Fixtures.SECRET_KEY);
    }

    @Test
    void sendsNoAuthorizationHeaderWithoutAKey() throws Exception {
        server.enqueue(completion("4", 1, 1));

        Fixtures.model(server).chat(Fixtures.simpleRequest());

        assertThat(take().getHeaders().get("Authorization")).isNull();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded).as("a request reached the server").isNotNull();
        return recorded;
    }

    private JsonNode body(RecordedRequest recorded) throws Exception {
        return json.readTree(recorded.getBody().utf8());
    }

    private static List<String> roles(JsonNode body) {
        List<String> roles = new ArrayList<>();
        body.path("messages").forEach(m -> roles.add(m.path("role").asText()));
        return roles;
    }
}
