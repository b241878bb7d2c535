package dev.interfeedback.model.gemini;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.Content;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.Role;
import dev.interfeedback.model.Usage;
import dev.interfeedback.model.http.ApiKey;
import dev.interfeedback.model.http.ErrorMessages;
import dev.interfeedback.model.http.HttpChatModel;
import dev.interfeedback.model.http.HttpModelSettings;
import dev.interfeedback.model.http.ImageStore;
import dev.interfeedback.model.http.JsonBody;
import dev.interfeedback.model.http.JsonBodies;
import dev.interfeedback.model.http.KeyRedactor;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * A model behind Google's Gemini API ({@code POST {base}/models/{model}:generateContent}). The key
 * goes in the {@code x-goog-api-key} header, never in the URL, where logs and proxies would keep
 * it. System turns go in {@code system_instruction}, images as {@code inline_data}, the assistant's
 * turns as role {@code model}. Gemini caches repeated prefixes by itself (implicit caching); the
 * part served from its cache is read from {@code usageMetadata.cachedContentTokenCount}.
 *
 * <p>A stop for safety, recitation or prohibited content, and a prompt blocked before any answer
 * ({@code promptFeedback.blockReason}), are refusals: answers, and wrong ones, not errors.
 */
public final class GeminiModel extends HttpChatModel {

    /** Finish reasons of a candidate stopped by a content policy: the answer is a refusal. */
    private static final Set<String> POLICY_STOPS =
            Set.of("SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY");
    private static final String EXPECTED = "a generateContent response with candidates[0].content.parts[].text";

    private GeminiModel(HttpModelSettings settings, Optional<ApiKey> apiKey, Supplier<OkHttpClient> base, ImageStore images) {
        super(settings, apiKey, base, images);
    }

    /**
     * Builds the model with the key looked up through {@code env}, on the shared HTTP client.
     *
     * @throws IllegalArgumentException when the settings name a key variable that {@code env} lacks
     */
    public static GeminiModel create(HttpModelSettings settings, Function<String, String> env) {
        return create(settings, env, new ImageStore());
    }

    /** Builds the model on the shared HTTP client, with the run's images. */
    public static GeminiModel create(HttpModelSettings settings, Function<String, String> env, ImageStore images) {
        return new GeminiModel(settings, settings.resolveApiKey(env), HttpChatModel::sharedHttpClient, images);
    }

    public static GeminiModel create(HttpModelSettings settings, Function<String, String> env, OkHttpClient http) {
        return new GeminiModel(settings, settings.resolveApiKey(env), given(http), new ImageStore());
    }

    @Override
    protected String wireFormat() {
        return "gemini-generate-content";
    }

    /** {@code gemini-1.5-flash} and {@code models/gemini-1.5-flash} name the same model. */
    @Override
    protected HttpUrl requestUrl(HttpUrl base) {
        String model = settings().model().strip();
        if (model.startsWith("models/")) model = model.substring("models/".length());
        return under(base, "models", model + ":generateContent");
    }

    @Override
    protected void authorize(Request.Builder request, String key) {
        request.header("x-goog-api-key", key);
    }

    @Override
    protected void encode(ChatRequest request, JsonBody.Writer body) throws ModelException, IOException {
        JsonGenerator json = body.json();
        json.writeStartObject();
        json.writeArrayFieldStart("contents");
        boolean system = false;
        for (Message message : request.messages()) {
            if (message.role() == Role.SYSTEM) {
                system |= !message.parts().isEmpty();
                continue;
            }
            json.writeStartObject();
            json.writeStringField("role", message.role() == Role.ASSISTANT ? "model" : "user");
            json.writeArrayFieldStart("parts");
            parts(message, body);
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        // System turns go apart from the contents, after them in the body as before.
        if (system) {
            json.writeObjectFieldStart("system_instruction");
            json.writeArrayFieldStart("parts");
            for (Message message : request.messages()) {
                if (message.role() == Role.SYSTEM) parts(message, body);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeObjectFieldStart("generationConfig");
        json.writeNumberField("temperature", settings().temperature());
        if (settings().seed() != null) json.writeNumberField("seed", settings().seed());
        if (settings().maxTokens() != null) json.writeNumberField("maxOutputTokens", settings().maxTokens());
        json.writeEndObject();
        json.writeEndObject();
    }

    private void parts(Message message, JsonBody.Writer body) throws ModelException, IOException {
        JsonGenerator json = body.json();
        for (Content part : message.parts()) {
            json.writeStartObject();
            if (part instanceof Content.Text text) {
                json.writeStringField("text", text.text());
            } else if (part instanceof Content.Image image) {
                ImageStore.Stored stored = images().image(image);
                json.writeObjectFieldStart("inline_data");
                json.writeStringField("mime_type", ImageStore.mediaType(image, stored));
                json.writeFieldName("data");
                body.image("", stored);
                json.writeEndObject();
            }
            json.writeEndObject();
        }
    }

    @Override
    protected ChatResponse decode(String body, String endpoint, KeyRedactor redactor) throws ModelException {
        JsonNode root = JsonBodies.read(MAPPER, body, endpoint, EXPECTED);
        Usage usage = usage(root.path("usageMetadata"));
        JsonNode candidates = root.path("candidates");
        if (!candidates.isArray() || candidates.isEmpty()) {
            String blocked = root.path("promptFeedback").path("blockReason").asText("");
            if (!blocked.isEmpty()) {
                return new ChatResponse("[prompt blocked: " + redactor.redact(blocked) + "]", usage, ChatResponse.REFUSAL);
            }
            throw new ModelException("response from " + endpoint + " has no candidates; expected " + EXPECTED
                    + ", got: " + ErrorMessages.truncate(body));
        }
        JsonNode candidate = candidates.get(0);
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            // Thought summaries are the model's notes, not its answer.
            if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) text.append(part.path("text").asText());
        }
        String reason = candidate.path("finishReason").asText("");
        if (POLICY_STOPS.contains(reason)) {
            return new ChatResponse(redactor.redact(text.isEmpty() ? "[stopped: " + reason + "]" : text.toString()), usage,
                    ChatResponse.REFUSAL);
        }
        if (text.isEmpty()) {
            throw new ModelException("response from " + endpoint + " has no text in candidates[0].content.parts"
                    + (reason.isEmpty() ? "" : " (finishReason: " + redactor.redact(reason) + ")") + "; expected "
                    + EXPECTED + ", got: " + ErrorMessages.truncate(body));
        }
        String finish = switch (reason) {
            case "STOP", "FINISH_REASON_UNSPECIFIED", "" -> null;
            case "MAX_TOKENS" -> "length";
            // OTHER, LANGUAGE, MALFORMED_FUNCTION_CALL: not a whole answer, kept out of the response cache.
            default -> redactor.redact(reason.toLowerCase(java.util.Locale.ROOT));
        };
        return new ChatResponse(redactor.redact(text.toString()), usage, finish);
    }

    /** Thinking tokens are billed as output, so they count with the answer's. */
    private static Usage usage(JsonNode usage) {
        if (!usage.isObject()) return Usage.NONE;
        long prompt = usage.path("promptTokenCount").asLong(0);
        long cached = Math.min(prompt, usage.path("cachedContentTokenCount").asLong(0));
        long completion = usage.path("candidatesTokenCount").asLong(0) + usage.path("thoughtsTokenCount").asLong(0);
        return new Usage(prompt, completion, cached, 0);
    }
}
