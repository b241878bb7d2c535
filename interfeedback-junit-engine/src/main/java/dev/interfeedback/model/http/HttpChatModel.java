package dev.interfeedback.model.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A model behind an HTTP chat API; subclasses say how its requests and answers look on the wire
 * (OpenAI's chat completions, Anthropic's Messages, Gemini's generateContent), this class makes the
 * call the same way for all of them.
 *
 * <p>One call, one HTTP request: retries and rate limiting are layered on top by whoever builds the
 * model, so that they see every failure and can count it. okhttp's own retries and redirects are
 * off, and the body is one-shot, so that okhttp never sends the request again. Server text is
 * redacted of the API key as it arrives, before anything is made of it.
 *
 * <p>Thread-safe. Models built from one {@link OkHttpClient} share its connection pool and threads,
 * whatever their timeouts.
 */
public abstract class HttpChatModel implements ChatModel {

    // Thread-safe once configured, and costly to build: one for every model. Its buffers come from
    // one pool (see JsonBody), not a set kept by each of thousands of calling threads.
    protected static final ObjectMapper MAPPER = new ObjectMapper(
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build());

    private final HttpModelSettings settings;
    private final ApiKey apiKey;
    private final KeyRedactor redactor;
    private final Supplier<OkHttpClient> base;
    // One client per connection pool this model's calls are spread over; one unless spreadConnections.
    private volatile OkHttpClient[] clients;
    private volatile int callsInFlight = 1;
    private final HttpUrl url;
    private final String endpoint;
    private final ErrorMessages errors;
    private final ImageStore images;
    private volatile Consumer<RateLimits> rateLimits = limits -> {};

    /**
     * @param base the client to share, asked for on the first call: a rerun answered entirely from
     *     the response cache never pays for starting an HTTP client
     * @throws IllegalArgumentException when the base URL is not an http(s) URL
     */
    protected HttpChatModel(HttpModelSettings settings, Optional<ApiKey> apiKey, Supplier<OkHttpClient> base) {
        this(settings, apiKey, base, new ImageStore());
    }

    /** @param images the run's images, shared by its models so that each is read and encoded once */
    protected HttpChatModel(HttpModelSettings settings, Optional<ApiKey> apiKey, Supplier<OkHttpClient> base,
            ImageStore images) {
        this.images = Objects.requireNonNull(images, "images");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.apiKey = apiKey.orElse(null);
        this.redactor = KeyRedactor.of(this.apiKey);
        this.base = Objects.requireNonNull(base, "base");
        this.url = requestUrl(baseUrl(settings));
        this.endpoint = printable(url);
        this.errors = new ErrorMessages(MAPPER, redactor);
    }

    /** The process-wide client that models share unless given another. */
    public static OkHttpClient sharedHttpClient() {
        return SharedClient.INSTANCE;
    }

    /** The name of the wire format, first in the cache identity ({@code openai-compatible}, ...). */
    protected abstract String wireFormat();

    /** Where requests go, from the base URL without its trailing slashes. */
    protected abstract HttpUrl requestUrl(HttpUrl base);

    /** The header that carries the key, with its value ({@code Authorization: Bearer <key>}, ...). */
    protected abstract void authorize(Request.Builder request, String key);

    /** Headers every request needs besides the key (an API version); none by default. */
    protected void headers(Request.Builder request) {}

    /**
     * Writes the body to send, images through {@link JsonBody.Writer#image} so that their base64
     * goes from the run's {@link ImageStore} to the socket without a copy per call.
     */
    protected abstract void encode(ChatRequest request, JsonBody.Writer body) throws ModelException, IOException;

    /**
     * Reads a successful answer. The body is redacted already; strings read from it must be
     * redacted again with {@code redactor}, since JSON escapes may have hidden the key in it.
     */
    protected abstract ChatResponse decode(String body, String endpoint, KeyRedactor redactor) throws ModelException;

    @Override
    public final ChatResponse chat(ChatRequest request) throws ModelException {
        Request.Builder http = new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .post(body(request));
        headers(http);
        if (apiKey != null) authorize(http, apiKey.value());

        try (Response response = clientOfThisThread().newCall(http.build()).execute()) {
            String text = redactor.redact(response.body().string());
            RateLimits limits = RateLimits.of(response.headers(), Instant.now());
            if (!response.isSuccessful()) {
                rateLimits.accept(limits);
                throw new ModelHttpException(endpoint, response.code(), errors.apiMessage(text),
                        RetryAfter.parse(response.header("Retry-After"), Instant.now()));
            }
            ChatResponse answer = decode(text, endpoint, redactor);
            rateLimits.accept(limits.withCallTokens(answer.usage().promptTokens() + answer.usage().completionTokens()));
            return answer;
        } catch (InterruptedIOException e) {
            throw new ModelTransportException("request to " + endpoint + " timed out (connect " + settings.connectTimeout()
                    + ", read " + settings.readTimeout() + ", call " + settings.callTimeout() + "): "
                    + redactor.redact(e.toString()), true, redactor.redact(e));
        } catch (IOException e) {
            throw new ModelTransportException("request to " + endpoint + " failed: " + redactor.redact(e.toString()),
                    false, redactor.redact(e));
        }
    }

    /** The body this model sends for {@code request}; its images are read, if at all, when it is written. */
    public final JsonBody body(ChatRequest request) throws ModelException {
        JsonBody.Writer body = JsonBody.writer(images);
        try {
            encode(request, body);
            return body.finish();
        } catch (IOException e) {
            throw new ModelException("could not write the request for model '" + settings.alias() + "' as JSON", e);
        }
    }

    /**
     * Who hears what each answer's rate-limit headers say of the quota (an endpoint's
     * {@code QuotaPacer}); nobody by default.
     */
    public void onRateLimits(Consumer<RateLimits> listener) {
        this.rateLimits = Objects.requireNonNull(listener, "listener");
    }

    /** The store this model's images are read through. */
    protected final ImageStore images() {
        return images;
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo(settings.alias(), settings.model(), false);
    }

    /**
     * Everything besides the messages that decides the answer: wire format, endpoint, model and
     * sampling parameters, for a response cache's key. Never the API key: a cache must not hold a
     * secret, and a new key must not make answers new. The URL's query is left out too, since
     * gateways put keys there.
     */
    public String cacheIdentity() {
        return wireFormat() + "\nendpoint=" + endpoint + "\nmodel=" + settings.model()
                + "\ntemperature=" + settings.temperature() + "\nseed=" + settings.seed()
                + "\nmax_tokens=" + settings.maxTokens();
    }

    /** Whether the same request always gets the same answer, so that caching it changes nothing. */
    public boolean deterministic() {
        return settings.temperature() == 0.0;
    }

    /** The URL requests go to, without credentials or query, for messages and diagnostics. */
    public String endpoint() {
        return endpoint;
    }

    public HttpModelSettings settings() {
        return settings;
    }

    /** The URL this model posts its requests to. */
    protected HttpUrl postUrl() {
        return url;
    }

    /** The key this model sends, or null for a server without auth. */
    protected ApiKey apiKey() {
        return apiKey;
    }

    /** Takes the key out of server text, as every answer of this model's server is. */
    protected KeyRedactor redactor() {
        return redactor;
    }

    /** Reads an API's error body the way this model does. */
    protected ErrorMessages errors() {
        return errors;
    }

    /**
     * Says how many calls this model may have in flight, before its first call. Over cleartext
     * HTTP/1.1 (a self-hosted vLLM or Ollama server) every call in flight holds a connection of its
     * own, and okhttp finds a pooled connection for each call by checking every connection of the
     * pool in turn, each under its lock: with thousands in flight that scan and its lock convoys
     * become a large part of a call's CPU. So above {@link #CALLS_PER_POOL} calls in flight, on the
     * shared client, calls are spread over several connection pools by their thread (a worker keeps
     * its stripe, and so finds its own idle connection again). HTTPS endpoints, which the hosted
     * APIs serve over HTTP/2 on a few shared connections, keep one pool; so does a client the caller
     * gave, whose pool is the caller's choice.
     *
     * @throws IllegalStateException when the model has made a call already
     */
    public void spreadConnections(int callsInFlight) {
        if (callsInFlight < 1) throw new IllegalArgumentException("calls in flight must be at least 1, was " + callsInFlight);
        synchronized (this) {
            if (clients != null) throw new IllegalStateException("model '" + settings.alias() + "' has made calls already");
            this.callsInFlight = callsInFlight;
        }
    }

    /** The client this model calls through, with its timeouts; public for tests of sharing. */
    public OkHttpClient httpClient() {
        return clients()[0];
    }

    /** The clients this model spreads its calls over, one per connection pool; public for tests. */
    public List<OkHttpClient> httpClients() {
        return List.of(clients());
    }

    private OkHttpClient clientOfThisThread() {
        OkHttpClient[] all = clients();
        return all.length == 1 ? all[0] : all[(int) Math.floorMod(Thread.currentThread().getId(), (long) all.length)];
    }

    private OkHttpClient[] clients() {
        OkHttpClient[] all = clients;
        if (all == null) {
            synchronized (this) {
                all = clients;
                if (all == null) {
                    all = build(base.get());
                    clients = all;
                }
            }
        }
        return all;
    }

    private OkHttpClient[] build(OkHttpClient given) {
        OkHttpClient.Builder builder = given.newBuilder();
        // Cleartext only: TLS writes a record at a time and flushes each, so there is nothing to gather.
        if (!url.isHttps() && given.socketFactory() == SocketFactory.getDefault()) {
            builder.socketFactory(CoalescingSocketFactory.INSTANCE);
        }
        OkHttpClient client = builder
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
        boolean http1 = !url.isHttps() && !given.protocols().contains(Protocol.H2_PRIOR_KNOWLEDGE);
        int stripes = Math.min(ConnectionStripes.MOST, (callsInFlight + CALLS_PER_POOL - 1) / CALLS_PER_POOL);
        if (!http1 || stripes == 1 || given.connectionPool() != SharedClient.INSTANCE.connectionPool()) {
            return new OkHttpClient[] {client};
        }
        // Derived clients share the dispatcher, the threads and everything else but the pool.
        OkHttpClient[] all = new OkHttpClient[stripes];
        all[0] = client;
        for (int i = 1; i < stripes; i++) {
            all[i] = client.newBuilder().connectionPool(ConnectionStripes.POOLS[i]).build();
        }
        return all;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + info() + " at " + endpoint + (apiKey == null ? "" : ", with API key") + "]";
    }

    /** A client given by the caller, checked now rather than on the first call. */
    protected static Supplier<OkHttpClient> given(OkHttpClient http) {
        Objects.requireNonNull(http, "http");
        return () -> http;
    }

    /** {@code base} with the path segments added after the base URL's own, trailing slashes dropped. */
    protected static HttpUrl under(HttpUrl base, String... segments) {
        HttpUrl.Builder url = base.newBuilder();
        for (String segment : segments) url.addPathSegment(segment);
        return url.build();
    }

    // Built on the parsed URL rather than by string concatenation, so that a query on the base URL
    // (Azure's api-version, a gateway's key parameter) stays a query.
    private static HttpUrl baseUrl(HttpModelSettings settings) {
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
        return url.build();
    }

    // Credentials in a URL's user info or query must not leak into messages either.
    private static String printable(HttpUrl url) {
        return url.newBuilder().username("").password("").query(null).build().toString();
    }

    private static String printable(String rawUrl) {
        return rawUrl.replaceAll("//[^/@]*@", "//").replaceAll("\\?.*$", "");
    }

    /**
     * Created on first use, so that code that never calls a real API starts no HTTP threads. Its
     * pool keeps as many idle connections as calls may be in flight: okhttp's default of 5 would
     * close, at every pause between two calls, the connections of all but 5 of thousands of calls
     * in flight, and open them again for the next.
     */
    private static final class SharedClient {
        static final OkHttpClient INSTANCE = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(MOST_IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                .build();
    }

    /**
     * The shared client's pool split in stripes, for models with many calls in flight over HTTP/1.1:
     * stripe 0 is the shared client's own pool. Process-wide like it, so that the models of one
     * endpoint (a receiver and a provider on one server) still reuse each other's connections.
     */
    private static final class ConnectionStripes {
        static final int MOST = 64;
        static final ConnectionPool[] POOLS = new ConnectionPool[MOST];

        static {
            POOLS[0] = SharedClient.INSTANCE.connectionPool();
            for (int i = 1; i < MOST; i++) POOLS[i] = new ConnectionPool(MOST_IDLE_CONNECTIONS, 5, TimeUnit.MINUTES);
        }
    }

    /**
     * The most calls in flight one connection pool serves before a model's calls are spread over
     * several: a call's search of the pool then checks at most about this many connections.
     */
    static final int CALLS_PER_POOL = 64;

    /** The most calls a run may have in flight ({@code interfeedback.concurrency}'s upper bound). */
    private static final int MOST_IDLE_CONNECTIONS = 4096;
}
