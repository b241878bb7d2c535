package dev.interfeedback.model.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelHttpException;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.ModelTransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A model behind an OpenAI-compatible {@code POST /chat/completions} endpoint: OpenAI itself,
 * vLLM, Ollama, LM Studio, and the many gateways that speak the same protocol.
 *
 * <p>One call, one HTTP request: retries and rate limiting are layered on top by whoever
 * builds the model, so that they see every failure and can count it. okhttp's own retries and
 * redirects are off, and the body is one-shot, so that okhttp never sends the request again.
 *
 * <p>Thread-safe. Models built from one {@link OkHttpClient} share its connection pool and
 * threads, whatever their timeouts.
 */
public final class OpenAiCompatibleModel implements ChatModel {

    // Thread-safe once configured, and costly to build: one for every model.
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OpenAiSettings settings;
    private final ApiKey apiKey;
    private final KeyRedactor redactor;
    private final Supplier<OkHttpClient> base;
    private volatile OkHttpClient http;
    private final HttpUrl url;
    private final String endpoint;
    private final RequestEncoder encoder;
    private final ResponseDecoder decoder;
    private final ErrorMessages errors;

    /**
     * @param settings where the model is and how to sample it
     * @param apiKey the key to send as a bearer token, or empty for a server without auth
     * @param http the client to share; this model derives one with its own timeouts from it
     * @throws IllegalArgumentException when the base URL is not an http(s) URL
     */
    public OpenAiCompatibleModel(OpenAiSettings settings, Optional<ApiKey> apiKey, OkHttpClient http) {
        this(settings, apiKey, requireClient(http));
    }

    /**
     * The client is derived on first call: a rerun answered entirely from the response cache
     * never pays for starting an HTTP client (its TLS trust store alone costs a noticeable part
     * of such a run).
     */
    private OpenAiCompatibleModel(OpenAiSettings settings, Optional<ApiKey> apiKey, Supplier<OkHttpClient> base) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.apiKey = apiKey.orElse(null);
        this.redactor = KeyRedactor.of(this.apiKey);
        this.base = base;
        this.url = completionsUrl(settings);
        this.endpoint = printable(url);
        this.encoder = new RequestEncoder(MAPPER, settings);
        this.decoder = new ResponseDecoder(MAPPER, redactor);
        this.errors = new ErrorMessages(MAPPER, redactor);
    }

    /** Builds the model with the key from the process environment and the shared HTTP client. */
    public static OpenAiCompatibleModel create(OpenAiSettings settings) {
        return create(settings, System::getenv);
    }

    /**
     * Builds the model with the key looked up through {@code env}, on the shared HTTP client.
     *
     * @throws IllegalArgumentException when the settings name a key variable that {@code env} lacks
     */
    public static OpenAiCompatibleModel create(OpenAiSettings settings, Function<String, String> env) {
        return new OpenAiCompatibleModel(settings, settings.resolveApiKey(env), OpenAiCompatibleModel::sharedHttpClient);
    }

    /**
     * Builds the model with the key looked up through {@code env}, on the given HTTP client.
     *
     * @throws IllegalArgumentException when the settings name a key variable that {@code env} lacks
     */
    public static OpenAiCompatibleModel create(
            OpenAiSettings settings, Function<String, String> env, OkHttpClient http) {
        return new OpenAiCompatibleModel(settings, settings.resolveApiKey(env), http);
    }

    /** The process-wide client that models share unless given another. */
    public static OkHttpClient sharedHttpClient() {
        return SharedClient.INSTANCE;
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws ModelException {
        byte[] body = encoder.encode(request);
        Request.Builder http = new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .post(new OneShotBody(body));
        if (apiKey != null) http.header("Authorization", "Bearer " + apiKey.value());

        try (Response response = httpClient().newCall(http.build()).execute()) {
            // Server text is redacted as it arrives: whatever is made of it later cannot leak the key.
            String text = redactor.redact(response.body().string());
            if (!response.isSuccessful()) {
                throw new ModelHttpException(endpoint, response.code(), errors.apiMessage(text),
                        RetryAfter.parse(response.header("Retry-After"), Instant.now()));
            }
            return decoder.decode(text, endpoint);
        } catch (InterruptedIOException e) {
            throw new ModelTransportException("request to " + endpoint + " timed out (connect " + settings.connectTimeout()
                    + ", read " + settings.readTimeout() + ", call " + settings.callTimeout() + "): "
                    + redactor.redact(e.toString()), true, redactor.redact(e));
        } catch (IOException e) {
            throw new ModelTransportException("request to " + endpoint + " failed: " + redactor.redact(e.toString()),
                    false, redactor.redact(e));
        }
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo(settings.alias(), settings.model(), false);
    }

    /**
     * Everything besides the messages that decides the answer: endpoint, model and sampling
     * parameters, for a response cache's key. Never the API key: a cache must not hold a secret,
     * and a new key must not make answers new. The URL's query is left out too, since gateways
     * put keys there.
     */
    public String cacheIdentity() {
        return "openai-compatible\nendpoint=" + endpoint + "\nmodel=" + settings.model()
                + "\ntemperature=" + settings.temperature() + "\nseed=" + settings.seed()
                + "\nmax_tokens=" + settings.maxTokens();
    }

    /** Whether the same request always gets the same answer, so that caching it changes nothing. */
    public boolean deterministic() {
        return settings.temperature() == 0.0;
    }

    /** The URL requests go to, for messages and diagnostics. */
    public String endpoint() {
        return endpoint;
    }

    /** The client this model calls through, with its timeouts; for tests of sharing. */
    OkHttpClient httpClient() {
        OkHttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = base.get().newBuilder()
                            .connectTimeout(settings.connectTimeout())
                            .readTimeout(settings.readTimeout())
                            // Uploading a few megabytes of images is bounded like reading the answer.
                            .writeTimeout(settings.readTimeout())
                            .callTimeout(settings.callTimeout())
                            // A re-sent POST would be a request nobody counts; the retry layer decides.
                            .retryOnConnectionFailure(false)
                            .followRedirects(false)
                            .followSslRedirects(false)
                            .build();
                    http = client;
                }
            }
        }
        return client;
    }

    private static Supplier<OkHttpClient> requireClient(OkHttpClient http) {
        Objects.requireNonNull(http, "http");
        return () -> http;
    }

    public OpenAiSettings settings() {
        return settings;
    }

    /** The OpenAI Batch API of this model's server, for the same requests as {@link #chat} sends. */
    public OpenAiBatchApi batchApi() {
        HttpUrl base = url.newBuilder().removePathSegment(url.pathSize() - 1).removePathSegment(url.pathSize() - 2).build();
        return new OpenAiBatchApi(base, apiKey, this::httpClient, encoder, decoder, errors, redactor);
    }

    @Override
    public String toString() {
        return "OpenAiCompatibleModel[" + info() + " at " + endpoint + (apiKey == null ? "" : ", with API key") + "]";
    }

    // Built on the parsed URL rather than by string concatenation, so that a query on the base URL
    // (Azure's api-version, a gateway's key parameter) stays a query.
    private static HttpUrl completionsUrl(OpenAiSettings settings) {
        HttpUrl base = HttpUrl.parse(settings.baseUrl().strip());
        if (base == null) {
            throw new IllegalArgumentException("model '" + settings.alias() + "': interfeedback.model."
                    + settings.alias() + ".url must be an http or https URL such as https://api.openai.com/v1, was '"
                    + printable(settings.baseUrl()) + "'");
        }
        HttpUrl.Builder url = base.newBuilder();
        List<String> segments = base.pathSegments();
        for (int i = segments.size() - 1; i >= 0 && segments.get(i).isEmpty(); i--) {
            url.removePathSegment(i);
        }
        return url.addPathSegment("chat").addPathSegment("completions").build();
    }

    // Credentials in a URL's user info or query must not leak into messages either.
    private static String printable(HttpUrl url) {
        return url.newBuilder().username("").password("").query(null).build().toString();
    }

    private static String printable(String rawUrl) {
        return rawUrl.replaceAll("//[^/@]*@", "//").replaceAll("\\?.*$", "");
    }

    /** Created on first use, so that code that never calls a real API starts no HTTP threads. */
    private static final class SharedClient {
        static final OkHttpClient INSTANCE = new OkHttpClient();
    }
}
