package dev.interfeedback.model.anthropic;

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
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * A model behind Anthropic's Messages API ({@code POST {base}/messages}, key in {@code x-api-key}).
 * System turns go in the top-level {@code system}, images as base64 {@code image} blocks, and
 * {@code max_tokens}, which the API requires, always. The request's stable prefix gets
 * {@code cache_control: {"type": "ephemeral"}}, so that the next round of a sample reads the
 * question, its images and the dialogue so far from Anthropic's prompt cache. The API has no seed.
 *
 * <p>A {@code refusal} stop is an answer (a wrong one), not an error; {@code max_tokens} is an
 * answer cut at the limit. A 529 (overloaded) is retried like any 5xx.
 */
public final class AnthropicModel extends HttpChatModel {

    /** The API version this client speaks, sent on every request. */
    public static final String API_VERSION = "2023-06-01";

    private static final String EXPECTED = "a message object with content[].text";

    private AnthropicModel(HttpModelSettings settings, Optional<ApiKey> apiKey, Supplier<OkHttpClient> base, ImageStore images) {
        super(settings, apiKey, base, images);
        if (settings.maxTokens() == null) {
            throw new IllegalArgumentException("model '" + settings.alias() + "': the Anthropic Messages API requires"
                    + " max_tokens; set interfeedback.model." + settings.alias() + ".max-tokens to a number, not none");
        }
        if (settings.temperature() > 1) {
            throw new IllegalArgumentException("model '" + settings.alias() + "': the Anthropic Messages API takes a"
                    + " temperature between 0 and 1, was " + settings.temperature());
        }
    }

    /**
     * Builds the model with the key looked up through {@code env}, on the shared HTTP client.
     *
     * @throws IllegalArgumentException when the settings name a key variable that {@code env} lacks,
     *     or leave out the token limit the API requires
     */
    public static AnthropicModel create(HttpModelSettings settings, Function<String, String> env) {
        return create(settings, env, new ImageStore());
    }

    /** Builds the model on the shared HTTP client, with the run's images. */
    public static AnthropicModel create(HttpModelSettings settings, Function<String, String> env, ImageStore images) {
        return new AnthropicModel(settings, settings.resolveApiKey(env), HttpChatModel::sharedHttpClient, images);
    }

    public static AnthropicModel create(HttpModelSettings settings, Function<String, String> env, OkHttpClient http) {
        return new AnthropicModel(settings, settings.resolveApiKey(env), given(http), new ImageStore());
    }

    @Override
    protected String wireFormat() {
        return "anthropic-messages";
    }

    @Override
    protected HttpUrl requestUrl(HttpUrl base) {
        return under(base, "messages");
    }

    @Override
    protected void authorize(Request.Builder request, String key) {
        request.header("x-api-key", key);
    }

    @Override
    protected void headers(Request.Builder request) {
        request.header("anthropic-version", API_VERSION);
    }

    @Override
    protected void encode(ChatRequest request, JsonBody.Writer body) throws ModelException, IOException {
        JsonGenerator json = body.json();
        json.writeStartObject();
        json.writeStringField("model", settings().model());
        json.writeNumberField("max_tokens", settings().maxTokens());
        json.writeArrayFieldStart("messages");
        boolean system = false;
        for (int m = 0; m < request.messages().size(); m++) {
            Message message = request.messages().get(m);
            if (message.role() == Role.SYSTEM) {
                system |= !message.parts().isEmpty();
                continue;
            }
            json.writeStartObject();
            json.writeStringField("role", message.role().wireName());
            json.writeArrayFieldStart("content");
            blocks(request, m, body);
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        // The API takes system turns apart from the messages, after them in the body as before.
        if (system) {
            json.writeArrayFieldStart("system");
            for (int m = 0; m < request.messages().size(); m++) {
                if (request.messages().get(m).role() == Role.SYSTEM) blocks(request, m, body);
            }
            json.writeEndArray();
        }
        json.writeNumberField("temperature", settings().temperature());
        json.writeEndObject();
    }

    private void blocks(ChatRequest request, int m, JsonBody.Writer body) throws ModelException, IOException {
        Message message = request.messages().get(m);
        JsonGenerator json = body.json();
        for (int p = 0; p < message.parts().size(); p++) {
            Content part = message.parts().get(p);
            if (message.role() == Role.SYSTEM && !(part instanceof Content.Text)) {
                throw new ModelException("model '" + settings().alias() + "': the Anthropic Messages API takes only"
                        + " text in the system prompt");
            }
            json.writeStartObject();
            if (part instanceof Content.Text text) {
                json.writeStringField("type", "text");
                json.writeStringField("text", text.text());
            } else if (part instanceof Content.Image image) {
                ImageStore.Stored stored = images().image(image);
                json.writeStringField("type", "image");
                json.writeObjectFieldStart("source");
                json.writeStringField("type", "base64");
                json.writeStringField("media_type", ImageStore.mediaType(image, stored));
                json.writeFieldName("data");
                body.image("", stored);
                json.writeEndObject();
            }
            if (request.stablePrefix() != null && request.stablePrefix().message() == m
                    && request.stablePrefix().part() == p) {
                json.writeObjectFieldStart("cache_control");
                json.writeStringField("type", "ephemeral");
                json.writeEndObject();
            }
            json.writeEndObject();
        }
    }

    @Override
    protected ChatResponse decode(String body, String endpoint, KeyRedactor redactor) throws ModelException {
        JsonNode root = JsonBodies.read(MAPPER, body, endpoint, EXPECTED);
        StringBuilder text = new StringBuilder();
        for (JsonNode block : root.path("content")) {
            if ("text".equals(block.path("type").asText()) && block.path("text").isTextual()) {
                text.append(block.path("text").asText());
            }
        }
        String stop = root.path("stop_reason").asText("");
        Usage usage = usage(root.path("usage"));
        if (stop.equals("refusal")) {
            // A refusal is an answer, and a wrong one: kept, never an error.
            return new ChatResponse(redactor.redact(text.isEmpty() ? "[refused]" : text.toString()), usage,
                    ChatResponse.REFUSAL);
        }
        if (text.isEmpty()) {
            throw new ModelException("response from " + endpoint + " has no text in content[]"
                    + (stop.isEmpty() ? "" : " (stop_reason: " + redactor.redact(stop) + ")") + "; expected " + EXPECTED
                    + ", got: " + ErrorMessages.truncate(body));
        }
        String finish = switch (stop) {
            case "end_turn", "stop_sequence", "" -> null;
            case "max_tokens" -> "length";
            // pause_turn, tool_use: not a whole answer, kept out of the response cache.
            default -> redactor.redact(stop);
        };
        return new ChatResponse(redactor.redact(text.toString()), usage, finish);
    }

    /** {@code input_tokens} leaves out the tokens read from and written to the cache; the prompt is all three. */
    private static Usage usage(JsonNode usage) {
        if (!usage.isObject()) return Usage.NONE;
        long input = usage.path("input_tokens").asLong(0);
        long written = usage.path("cache_creation_input_tokens").asLong(0);
        long read = usage.path("cache_read_input_tokens").asLong(0);
        return new Usage(input + written + read, usage.path("output_tokens").asLong(0), read, written);
    }
}
