package dev.interfeedback.model.openai;

import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.http.ApiKey;
import dev.interfeedback.model.http.HttpChatModel;
import dev.interfeedback.model.http.HttpModelSettings;
import dev.interfeedback.model.http.ImageStore;
import dev.interfeedback.model.http.JsonBody;
import dev.interfeedback.model.http.KeyRedactor;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * A model behind an OpenAI-compatible {@code POST /chat/completions} endpoint: OpenAI itself,
 * vLLM, Ollama, LM Studio, and the many gateways that speak the same protocol. The key goes as a
 * bearer token. OpenAI caches long prompt prefixes by itself; the part it served from its cache is
 * read from {@code usage.prompt_tokens_details.cached_tokens}.
 */
public final class OpenAiCompatibleModel extends HttpChatModel {

    private final RequestEncoder encoder;
    private final ResponseDecoder decoder = new ResponseDecoder(MAPPER);

    /**
     * @param settings where the model is and how to sample it
     * @param apiKey the key to send as a bearer token, or empty for a server without auth
     * @param http the client to share; this model derives one with its own timeouts from it
     * @throws IllegalArgumentException when the base URL is not an http(s) URL
     */
    public OpenAiCompatibleModel(HttpModelSettings settings, Optional<ApiKey> apiKey, OkHttpClient http) {
        this(settings, apiKey, given(http), new ImageStore());
    }

    private OpenAiCompatibleModel(HttpModelSettings settings, Optional<ApiKey> apiKey, Supplier<OkHttpClient> base,
            ImageStore images) {
        super(settings, apiKey, base, images);
        this.encoder = new RequestEncoder(settings, images);
    }

    /** Builds the model with the key from the process environment and the shared HTTP client. */
    public static OpenAiCompatibleModel create(HttpModelSettings settings) {
        return create(settings, System::getenv);
    }

    /**
     * Builds the model with the key looked up through {@code env}, on the shared HTTP client.
     *
     * @throws IllegalArgumentException when the settings name a key variable that {@code env} lacks
     */
    public static OpenAiCompatibleModel create(HttpModelSettings settings, Function<String, String> env) {
        return create(settings, env, new ImageStore());
    }

    /**
     * Builds the model with the key looked up through {@code env}, on the shared HTTP client, with
     * the run's images.
     */
    public static OpenAiCompatibleModel create(HttpModelSettings settings, Function<String, String> env, ImageStore images) {
        return new OpenAiCompatibleModel(settings, settings.resolveApiKey(env), HttpChatModel::sharedHttpClient, images);
    }

    /**
     * Builds the model with the key looked up through {@code env}, on the given HTTP client.
     *
     * @throws IllegalArgumentException when the settings name a key variable that {@code env} lacks
     */
    public static OpenAiCompatibleModel create(HttpModelSettings settings, Function<String, String> env, OkHttpClient http) {
        return new OpenAiCompatibleModel(settings, settings.resolveApiKey(env), http);
    }

    @Override
    protected String wireFormat() {
        return "openai-compatible";
    }

    @Override
    protected HttpUrl requestUrl(HttpUrl base) {
        return under(base, "chat", "completions");
    }

    @Override
    protected void authorize(Request.Builder request, String key) {
        request.header("Authorization", "Bearer " + key);
    }

    /** The OpenAI Batch API of this model's server, for the same requests as {@link #chat} sends. */
    public OpenAiBatchApi batchApi() {
        HttpUrl url = postUrl();
        HttpUrl base = url.newBuilder().removePathSegment(url.pathSize() - 1).removePathSegment(url.pathSize() - 2).build();
        return new OpenAiBatchApi(base, apiKey(), this::httpClient, this::bodyBytes, decoder, errors(), redactor());
    }

    /** The bytes {@link #chat} sends for {@code request}, images read into the buffer: a batch line holds them whole. */
    private byte[] bodyBytes(ChatRequest request) throws ModelException {
        try {
            return body(request).bytes();
        } catch (IOException e) {
            throw new ModelException("could not write the request for model '" + info().alias() + "' as JSON", e);
        }
    }

    @Override
    protected void encode(ChatRequest request, JsonBody.Writer body) throws ModelException, IOException {
        encoder.encode(request, body);
    }

    @Override
    protected ChatResponse decode(String body, String endpoint, KeyRedactor redactor) throws ModelException {
        return decoder.decode(body, endpoint, redactor);
    }
}
