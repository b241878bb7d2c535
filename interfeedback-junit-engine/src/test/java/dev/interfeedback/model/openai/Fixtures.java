package dev.interfeedback.model.openai;

import dev.interfeedback.model.http.HttpModelSettings;
import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.Message;
import java.awt.image.BufferedImage;
import dev.interfeedback.model.ModelHttpException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Shared pieces of the client tests: requests, canned responses, a real PNG. */
final class Fixtures {

    static final String KEY_ENV = "IF_TEST_OPENAI_KEY";
    static final String SECRET_KEY = "fake-api-key-7f3a9c1e5b2d8f04-DO-NOT-LEAK";
    static final String GROUND_TRUTH = "GROUND-TRUTH-Zebra-97";

    /** An environment holding only the test key, so no test depends on or touches the real one. */
    static final Function<String, String> ENV_WITH_KEY = Map.of(KEY_ENV, SECRET_KEY)::get;
    static final Function<String, String> EMPTY_ENV = name -> null;

    private Fixtures() {}

    static CallContext context() {
        return new CallContext("sample-SECRET-ID-31", GROUND_TRUTH, List.of("A", "B"),
                CallContext.Purpose.ANSWER, 0, null);
    }

    static ChatRequest request(Message... messages) {
        return new ChatRequest(List.of(messages), context());
    }

    static ChatRequest simpleRequest() {
        return request(Message.user("What is 2+2?"));
    }

    static HttpModelSettings.Builder settings(MockWebServer server) {
        return HttpModelSettings.builder("receiver", server.url("/v1").toString(), "gpt-test");
    }

    static OpenAiCompatibleModel model(MockWebServer server) {
        return OpenAiCompatibleModel.create(settings(server).build(), EMPTY_ENV);
    }

    static OpenAiCompatibleModel modelWithKey(MockWebServer server) {
        return OpenAiCompatibleModel.create(settings(server).apiKeyEnv(KEY_ENV).build(), ENV_WITH_KEY);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    static MockResponse completion(String content, long promptTokens, long completionTokens) {
        return json(200, """
                {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-test",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
                """.formatted(quote(content), promptTokens, completionTokens, promptTokens + completionTokens));
    }

    static String openAiError(String message, String type) {
        return """
                {"error":{"message":%s,"type":"%s","param":null,"code":null}}
                """.formatted(quote(message), type);
    }

    static Path writePng(Path dir, String name) {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xFF8800);
        Path file = dir.resolve(name);
        try {
            if (!ImageIO.write(image, "png", file.toFile())) throw new IOException("no PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Every message, {@code toString} and stack trace of the failure and of its causes. */
    static String everything(Throwable e) {
        List<String> parts = new ArrayList<>();
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        parts.add(trace.toString());
        for (Throwable t = e; t != null; t = t.getCause()) {
            parts.add(t.getMessage());
            parts.add(t.toString());
            parts.add(t.getLocalizedMessage());
            if (t instanceof ModelHttpException http) parts.add(http.apiMessage());
        }
        return String.join("\n", parts.stream().map(String::valueOf).toList());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
