package dev.interfeedback.model.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.Content;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.Role;
import dev.interfeedback.model.anthropic.AnthropicModel;
import dev.interfeedback.model.gemini.GeminiModel;
import dev.interfeedback.model.openai.OpenAiCompatibleModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies written as a stream, images from the run's {@link ImageStore}, against the bodies
 * the JSON-tree encoders wrote before (reproduced here field by field as the reference): the bytes
 * on the wire must not change, for any of the three wire formats.
 */
class StreamedBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path tmp;

    @Test
    void everyWireFormatSendsTheBytesTheTreeEncoderWroteWithTheirLength() throws Exception {
        Path png = png("chart.png", 5_000);
        ChatRequest request = request(png).stableThrough(1, 0);
        for (int i = 0; i < 3; i++) server.enqueue(new MockResponse.Builder().code(500).body("{}").build());

        ImageStore images = new ImageStore();
        List<HttpChatModel> models = List.of(
                OpenAiCompatibleModel.create(settings().build(), Map.<String, String>of()::get, images),
                AnthropicModel.create(settings().build(), Map.<String, String>of()::get, images),
                GeminiModel.create(settings().build(), Map.<String, String>of()::get, images));
        List<String> expected = List.of(openAi(request), anthropic(request), gemini(request));
        for (int i = 0; i < models.size(); i++) {
            assertThat(new String(models.get(i).body(request).bytes(), "UTF-8")).isEqualTo(expected.get(i));
            try {
                models.get(i).chat(request);
            } catch (Exception expectedFailure) {
                // the server answers 500; only what it received matters here
            }
            RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(recorded.getBody().utf8()).isEqualTo(expected.get(i));
            assertThat(recorded.getHeaders().get("Content-Length"))
                    .isEqualTo(String.valueOf(expected.get(i).getBytes("UTF-8").length));
        }
    }

    @Test
    void withoutSeedTokenLimitOrSystemTurnsTheBodiesStayTheSameToo() throws Exception {
        Path png = png("page.png", 300);
        ChatRequest request = new ChatRequest(List.of(Message.user(List.of(Content.text("Q?"), Content.image(png)))),
                context());
        HttpModelSettings plain = settings().noSeed().noMaxTokens().build();
        assertThat(new String(OpenAiCompatibleModel.create(plain, k -> null).body(request).bytes(), "UTF-8"))
                .isEqualTo(openAi(request, plain));
        assertThat(new String(GeminiModel.create(plain, k -> null).body(request).bytes(), "UTF-8"))
                .isEqualTo(gemini(request, plain));
    }

    @Test
    void anImageIsReadDigestedAndEncodedOncePerRunWhateverTheCallsAndWireFormats() throws Exception {
        Path png = png("shared.png", 50_000);
        ImageStore images = new ImageStore();
        List<HttpChatModel> models = List.of(
                OpenAiCompatibleModel.create(settings().build(), k -> null, images),
                AnthropicModel.create(settings().build(), k -> null, images),
                GeminiModel.create(settings().build(), k -> null, images));
        String digest = images.digest(png);
        for (int round = 0; round < 10; round++) {
            for (HttpChatModel model : models) {
                assertThat(model.body(request(png)).bytes()).isNotEmpty();
            }
            assertThat(images.digest(png)).isEqualTo(digest);
        }
        assertThat(images.reads()).as("one read for 30 bodies and 11 digests").isEqualTo(1);
    }

    @Test
    void callsInFlightAtOnceShareTheHeldImageAndEachSendsItWhole() throws Exception {
        Path png = png("real-size.png", 636_000);
        ImageStore images = new ImageStore();
        OpenAiCompatibleModel model = OpenAiCompatibleModel.create(settings().build(), k -> null, images);
        ChatRequest request = request(png);
        String expected = openAi(request);
        int calls = 12;
        for (int i = 0; i < calls; i++) server.enqueue(new MockResponse.Builder().code(500).body("{}").build());

        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < calls; i++) {
            Thread thread = new Thread(() -> {
                try {
                    model.chat(request);
                } catch (Exception expectedFailure) {
                    // the server answers 500; only what it received matters here
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) thread.join();
        for (int i = 0; i < calls; i++) {
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8()).isEqualTo(expected);
        }
        assertThat(model.body(request).bytes()).as("the held copy is shared, never consumed")
                .isEqualTo(expected.getBytes("UTF-8"));
        assertThat(images.reads()).isEqualTo(1);
    }

    @Test
    void anImageLargerThanTheBudgetIsStreamedFromItsFileInChunks() throws Exception {
        Path big = png("scan.png", 3_000_000);
        ImageStore images = new ImageStore(64 * 1024);
        OpenAiCompatibleModel model = OpenAiCompatibleModel.create(settings().build(), k -> null, images);
        ChatRequest request = request(big);
        server.enqueue(new MockResponse.Builder().code(500).body("{}").build());

        JsonBody body = model.body(request);
        assertThat(body.contentLength()).isGreaterThan(4_000_000);
        try {
            model.chat(request);
        } catch (Exception expectedFailure) {
            // the server answers 500
        }
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8()).isEqualTo(openAi(request));
        assertThat(images.reads()).as("digested once, then streamed from the file for the call").isEqualTo(2);
    }

    @Test
    void anImageEditedWhileTheRunGoesFailsTheWriteRatherThanSendingOtherPixels() throws Exception {
        Path png = png("edited.png", 200_000);
        ImageStore images = new ImageStore(1024);
        JsonBody body = OpenAiCompatibleModel.create(settings().build(), k -> null, images).body(request(png));
        Files.write(png, pngBytes(200_000, 7));

        assertThatThrownBy(body::bytes).isInstanceOf(IOException.class).hasMessageContaining("changed while the run");
    }

    // ---- the reference: the JSON-tree encoders as they were before bodies were streamed

    private String openAi(ChatRequest request) throws Exception {
        return openAi(request, settings().build());
    }

    private String openAi(ChatRequest request, HttpModelSettings settings) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", settings.model());
        ArrayNode messages = body.putArray("messages");
        for (Message message : request.messages()) {
            ObjectNode node = messages.addObject().put("role", message.role().wireName());
            if (message.parts().stream().allMatch(p -> p instanceof Content.Text)) {
                node.put("content", message.text());
                continue;
            }
            ArrayNode parts = node.putArray("content");
            for (Content part : message.parts()) {
                if (part instanceof Content.Text text) {
                    parts.addObject().put("type", "text").put("text", text.text());
                } else if (part instanceof Content.Image image) {
                    parts.addObject().put("type", "image_url").putObject("image_url")
                            .put("url", "data:image/png;base64," + base64(image));
                }
            }
        }
        body.put("temperature", settings.temperature());
        if (settings.seed() != null) body.put("seed", settings.seed());
        if (settings.maxTokens() != null) body.put("max_tokens", settings.maxTokens());
        return JSON.writeValueAsString(body);
    }

    private String anthropic(ChatRequest request) throws Exception {
        HttpModelSettings settings = settings().build();
        ObjectNode body = JSON.createObjectNode();
        body.put("model", settings.model());
        body.put("max_tokens", settings.maxTokens());
        ArrayNode system = JSON.createArrayNode();
        ArrayNode messages = body.putArray("messages");
        for (int m = 0; m < request.messages().size(); m++) {
            Message message = request.messages().get(m);
            ArrayNode blocks = message.role() == Role.SYSTEM ? system
                    : messages.addObject().put("role", message.role().wireName()).putArray("content");
            for (int p = 0; p < message.parts().size(); p++) {
                ObjectNode block = JSON.createObjectNode();
                if (message.parts().get(p) instanceof Content.Text text) {
                    block.put("type", "text").put("text", text.text());
                } else if (message.parts().get(p) instanceof Content.Image image) {
                    block.put("type", "image").putObject("source").put("type", "base64")
                            .put("media_type", "image/png").put("data", base64(image));
                }
                if (request.stablePrefix() != null && request.stablePrefix().message() == m
                        && request.stablePrefix().part() == p) {
                    block.putObject("cache_control").put("type", "ephemeral");
                }
                blocks.add(block);
            }
        }
        if (!system.isEmpty()) body.set("system", system);
        body.put("temperature", settings.temperature());
        return JSON.writeValueAsString(body);
    }

    private String gemini(ChatRequest request) throws Exception {
        return gemini(request, settings().build());
    }

    private String gemini(ChatRequest request, HttpModelSettings settings) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode system = JSON.createArrayNode();
        ArrayNode contents = body.putArray("contents");
        for (Message message : request.messages()) {
            ArrayNode parts = message.role() == Role.SYSTEM ? system
                    : contents.addObject().put("role", message.role() == Role.ASSISTANT ? "model" : "user").putArray("parts");
            for (Content part : message.parts()) {
                if (part instanceof Content.Text text) {
                    parts.addObject().put("text", text.text());
                } else if (part instanceof Content.Image image) {
                    parts.addObject().putObject("inline_data").put("mime_type", "image/png").put("data", base64(image));
                }
            }
        }
        if (!system.isEmpty()) body.putObject("system_instruction").set("parts", system);
        ObjectNode generation = body.putObject("generationConfig");
        generation.put("temperature", settings.temperature());
        if (settings.seed() != null) generation.put("seed", settings.seed());
        if (settings.maxTokens() != null) generation.put("maxOutputTokens", settings.maxTokens());
        return JSON.writeValueAsString(body);
    }

    private static String base64(Content.Image image) throws IOException {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(image.path()));
    }

    // ----

    private HttpModelSettings.Builder settings() {
        return HttpModelSettings.builder("m", server.url("/v1/").toString(), "model-x").temperature(0.0).seed(42L);
    }

    private static ChatRequest request(Path png) {
        return new ChatRequest(List.of(
                Message.system("You are careful. \"Quotes\", é, </script>, \u2028 and tabs\t."),
                Message.user(List.of(Content.image(png), Content.text("Which option? A) 1  B) 2\n"))),
                Message.assistant("Answer: A"),
                Message.user("Your answer is incorrect.")), context());
    }

    private static CallContext context() {
        return new CallContext("s1", "A", List.of(), CallContext.Purpose.ANSWER, 0, null);
    }

    private Path png(String name, int size) throws IOException {
        return Files.write(tmp.resolve(name), pngBytes(size, 1));
    }

    /** Bytes that begin as a PNG does, which is all the media type check reads. */
    private static byte[] pngBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }
}
