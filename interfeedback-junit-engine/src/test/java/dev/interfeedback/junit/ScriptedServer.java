package dev.interfeedback.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback server that answers by what a request says, in the wire format of the path it was
 * sent to: OpenAI's {@code /chat/completions}, Anthropic's {@code /messages} or Gemini's
 * {@code /models/{model}:generateContent}. It answers by the model name, the
 * marker in the question of {@code loopback.jsonl} ({@code Q-fix}, ...) and the round (how many
 * answers of the receiver the dialogue already holds). Ground truth is A for every question.
 *
 * <ul>
 *   <li>provider: right at round 0 except on {@code Q-excluded}; writes feedback when asked;
 *   <li>receiver: {@code Q-right} right; {@code Q-fix} wrong then right; {@code Q-never} always
 *       wrong; {@code Q-excluded} wrong; {@code Q-late} wrong, then HTTP 500;
 *   <li>{@code Q-broken}: HTTP 500 for everyone.
 * </ul>
 */
final class ScriptedServer extends Dispatcher implements AutoCloseable {

    static final String RECEIVER_MODEL = "receiver-model";
    static final String PROVIDER_MODEL = "provider-model";
    static final String FEEDBACK = "Look again at the second step of your reasoning.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final java.util.List<RecordedRequest> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostInFlight = new ConcurrentHashMap<>();
    private volatile long delayMillis;
    private volatile Runnable onFeedbackRequest = () -> {};
    private volatile Runnable onRequest = () -> {};

    ScriptedServer() throws IOException {
        server.setDispatcher(this);
        server.start();
    }

    /** The configuration parameters of the aliases {@code scripted-receiver} and {@code scripted-provider}. */
    Map<String, String> models() {
        return Map.of(
                "interfeedback.model.scripted-receiver.url", server.url("/receiver/v1").toString(),
                "interfeedback.model.scripted-receiver.name", RECEIVER_MODEL,
                "interfeedback.model.scripted-provider.url", server.url("/provider/v1").toString(),
                "interfeedback.model.scripted-provider.name", PROVIDER_MODEL);
    }

    ScriptedServer delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    ScriptedServer onFeedbackRequest(Runnable hook) {
        this.onFeedbackRequest = hook;
        return this;
    }

    ScriptedServer onRequest(Runnable hook) {
        this.onRequest = hook;
        return this;
    }

    int requests() {
        return requests.get();
    }

    /** Every request received, in order. */
    java.util.List<RecordedRequest> recorded() {
        return recorded;
    }

    int mostInFlight(String model) {
        return mostInFlight.getOrDefault(model, new AtomicInteger()).get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        requests.incrementAndGet();
        recorded.add(request);
        onRequest.run();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        JsonNode json = read(body);
        String path = request.getUrl().encodedPath();
        String model = path.endsWith(":generateContent")
                ? path.substring(path.lastIndexOf('/') + 1, path.length() - ":generateContent".length())
                : json.path("model").asText();
        int now = inFlight.computeIfAbsent(model, m -> new AtomicInteger()).incrementAndGet();
        mostInFlight.computeIfAbsent(model, m -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        try {
            if (delayMillis > 0) Thread.sleep(delayMillis);
            MockResponse openAi = respond(model, body, answersSoFar(json));
            if (path.endsWith("/messages")) return Wire.anthropic(openAi, body.contains("cache_control"));
            if (path.endsWith(":generateContent")) return Wire.gemini(openAi);
            return openAi;
        } finally {
            inFlight.get(model).decrementAndGet();
        }
    }

    private MockResponse respond(String model, String body, int round) {
        if (body.contains("Q-broken")) return serverError();
        if (model.equals(PROVIDER_MODEL)) {
            if (body.contains("careful teacher")) {
                onFeedbackRequest.run();
                return completion(FEEDBACK, "");
            }
            return completion("Answer: " + (body.contains("Q-excluded") ? "B" : "A"));
        }
        if (body.contains("Q-right")) return completion("Answer: A");
        if (body.contains("Q-fix")) return completion("Answer: " + (round == 0 ? "C" : "A"));
        if (body.contains("Q-never")) return completion("Answer: D");
        if (body.contains("Q-excluded")) return completion("Answer: C");
        if (body.contains("Q-late")) return round == 0 ? completion("Answer: B") : serverError();
        return new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"unscripted request\"}}").build();
    }

    private static int answersSoFar(JsonNode json) {
        int answers = 0;
        for (JsonNode message : json.path("messages")) {
            if (message.path("role").asText().equals("assistant")) answers++;
        }
        for (JsonNode content : json.path("contents")) {
            if (content.path("role").asText().equals("model")) answers++;
        }
        return answers;
    }

    private static MockResponse completion(String answer) {
        return completion(answer, "Thinking it over.\n");
    }

    private static MockResponse completion(String content, String reasoning) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-scripted").put("object", "chat.completion");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", reasoning + content);
        body.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(body.toString()).build();
    }

    private static MockResponse serverError() {
        return new MockResponse.Builder().code(500).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}").build();
    }

    /** The OpenAI-shaped answer, told again in another API's shape. */
    private static final class Wire {

        /** A request that marks a prefix cacheable reads 6 of its 10 prompt tokens from the cache. */
        static MockResponse anthropic(MockResponse openAi, boolean cacheable) {
            JsonNode completion = openAiBody(openAi);
            if (completion == null) return openAi;
            ObjectNode body = JSON.createObjectNode();
            body.put("id", "msg_scripted").put("type", "message").put("role", "assistant");
            body.putArray("content").addObject().put("type", "text")
                    .put("text", completion.path("choices").path(0).path("message").path("content").asText());
            body.put("stop_reason", "end_turn").putNull("stop_sequence");
            body.putObject("usage").put("input_tokens", cacheable ? 4 : 10).put("output_tokens", 5)
                    .put("cache_creation_input_tokens", 0).put("cache_read_input_tokens", cacheable ? 6 : 0);
            return json(body);
        }

        static MockResponse gemini(MockResponse openAi) {
            JsonNode completion = openAiBody(openAi);
            if (completion == null) return openAi;
            ObjectNode body = JSON.createObjectNode();
            ObjectNode candidate = body.putArray("candidates").addObject();
            candidate.putObject("content").put("role", "model").putArray("parts").addObject()
                    .put("text", completion.path("choices").path(0).path("message").path("content").asText());
            candidate.put("finishReason", "STOP").put("index", 0);
            body.putObject("usageMetadata").put("promptTokenCount", 10).put("candidatesTokenCount", 5)
                    .put("totalTokenCount", 15);
            return json(body);
        }

        /** The body of a successful OpenAI answer; null for an error, which every API sends alike. */
        private static JsonNode openAiBody(MockResponse response) {
            if (response.getCode() != 200) return null;
            try {
                okio.Buffer buffer = new okio.Buffer();
                response.getBody().writeTo(buffer);
                return read(buffer.readUtf8());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static MockResponse json(ObjectNode body) {
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body(body.toString()).build();
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
