package dev.interfeedback.config;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.anthropic.AnthropicModel;
import dev.interfeedback.model.gemini.GeminiModel;
import dev.interfeedback.model.http.HttpChatModel;
import dev.interfeedback.model.http.HttpModelSettings;
import dev.interfeedback.model.batch.BatchModel;
import dev.interfeedback.model.batch.BatchSession;
import dev.interfeedback.model.batch.BatchTarget;
import dev.interfeedback.model.batch.BatchUsageMeter;
import dev.interfeedback.model.batch.RunMemo;
import dev.interfeedback.model.openai.OpenAiCompatibleModel;
import dev.interfeedback.model.resilience.AdaptiveLimiter;
import dev.interfeedback.model.resilience.CachingModel;
import dev.interfeedback.model.resilience.CallStats;
import dev.interfeedback.model.http.ImageStore;
import dev.interfeedback.model.resilience.LimitedModel;
import dev.interfeedback.model.resilience.LimiterRegistry;
import dev.interfeedback.model.resilience.ResponseCache;
import dev.interfeedback.model.resilience.RetryPolicy;
import dev.interfeedback.model.resilience.RetryingModel;
import dev.interfeedback.model.simulator.SimulatedModel;
import dev.interfeedback.model.simulator.SimulatorProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Builds the model an alias names: {@code interfeedback.model.<alias>.url} is either an API's base
 * URL, spoken to in the wire format {@code interfeedback.model.<alias>.api} names (OpenAI-compatible
 * by default, Anthropic's Messages or Gemini's generateContent), or a {@code simulator:} URL for the
 * offline simulator.
 */
public final class ModelFactory {

    public static final String BATCH_MAX_REQUESTS = Settings.PREFIX + "batch.max-requests";
    public static final String BATCH_MAX_BYTES = Settings.PREFIX + "batch.max-bytes";
    public static final String BATCH_FIRST_POLL_MS = Settings.PREFIX + "batch.first-poll-ms";
    public static final String BATCH_LONGEST_POLL_MS = Settings.PREFIX + "batch.longest-poll-ms";
    /** The fields of {@code interfeedback.model.<alias>.*} that say how its calls are batched. */
    public static final String BATCH = "batch";
    public static final String BATCH_RETRY = "batch.retry";
    public static final String BATCH_DIR = "batch.dir";


    private final Settings settings;
    private final Function<String, String> environment;
    private final LimiterRegistry limiters;
    private final CallStats stats;
    private final UnaryOperator<ChatModel> calls;
    // One per run: the receiver's and the provider's requests read, digest and encode each image once.
    private final ImageStore images = new ImageStore();
    private final BatchSession batches;

    /** @param environment reads environment variables (API keys); {@code System::getenv} in production */
    public ModelFactory(Settings settings, Function<String, String> environment) {
        this(settings, environment, LimiterRegistry.shared(), new CallStats());
    }

    /**
     * @param limiters where endpoints' concurrency limits live; the shared registry in production, so
     *     that all benchmarks of a process share each endpoint's limit
     * @param stats counts calls, retries and 429s of every model this factory builds
     */
    public ModelFactory(Settings settings, Function<String, String> environment, LimiterRegistry limiters,
            CallStats stats) {
        this(settings, environment, limiters, stats, UnaryOperator.identity());
    }

    /**
     * @param calls wraps the model that makes each call, inside its cache, retries and endpoint
     *     limit, so that it sees every attempt just before it goes out (the JUnit engine stops
     *     calls there once a run is cancelled, even calls that were waiting for their endpoint)
     */
    public ModelFactory(Settings settings, Function<String, String> environment, LimiterRegistry limiters,
            CallStats stats, UnaryOperator<ChatModel> calls) {
        this.settings = settings;
        this.environment = environment;
        this.limiters = limiters;
        this.stats = stats;
        this.calls = calls;
        this.batches = new BatchSession(batchLimits(settings), settings.integer(Settings.RETRY_MAX_ATTEMPTS), stats);
    }

    /**
     * A model this factory built, answering each distinct request once per run when some model is
     * batched (see {@link RunMemo}); a batch model as it is.
     */
    public ChatModel onceEachBeside(ChatModel model) {
        return model instanceof BatchUsageMeter ? model : new RunMemo(model, batches);
    }

    /** Where the calls of the models with {@code batch=true} wait for their batches. */
    public BatchSession batches() {
        return batches;
    }

    private static BatchSession.Limits batchLimits(Settings settings) {
        return new BatchSession.Limits(settings.integer(BATCH_MAX_REQUESTS),
                settings.wholeNumber(BATCH_MAX_BYTES).orElseThrow(),
                Duration.ofMillis(settings.wholeNumber(BATCH_FIRST_POLL_MS).orElseThrow()),
                Duration.ofMillis(settings.wholeNumber(BATCH_LONGEST_POLL_MS).orElseThrow()));
    }

    public CallStats stats() {
        return stats;
    }

    public ChatModel create(String alias) {
        String urlKey = Settings.modelKey(alias, "url");
        String url = settings.get(urlKey).orElseThrow(() -> new ConfigurationException(
                "no model is configured for alias \"" + alias + "\": set " + urlKey
                        + " to an OpenAI-compatible base URL (https://api.openai.com/v1) or to simulator:"));
        if (SimulatorProfile.isSimulatorUrl(url)) {
            try {
                return calls.apply(new SimulatedModel(alias, SimulatorProfile.parse(url)));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(urlKey + ": " + e.getMessage(), e);
            }
        }
        return http(alias, url);
    }

    /** The wire format of {@code interfeedback.model.<alias>.api}. */
    public static final String API = "api";

    /**
     * Optional keys beside {@code url}: {@code name} (required here), {@code api-key-env},
     * {@code temperature}, {@code seed} ({@code none} to send none), {@code max-tokens} and
     * {@code timeout-seconds} or {@code timeout-ms} (the read timeout), {@code max-concurrency} (the
     * most calls in flight to the model's endpoint, shared with every alias on that endpoint).
     */
    private ChatModel http(String alias, String url) {
        String name = settings.require(Settings.modelKey(alias, "name"),
                "the model id the API at " + url + " serves, such as gpt-4o");
        try {
            HttpModelSettings.Builder builder = HttpModelSettings.builder(alias, url, name);
            settings.get(Settings.modelKey(alias, "api-key-env")).ifPresent(builder::apiKeyEnv);
            builder.temperature(settings.decimal(Settings.modelKey(alias, "temperature")).orElseThrow());
            settings.wholeNumber(Settings.modelKey(alias, "seed")).ifPresentOrElse(builder::seed, builder::noSeed);
            // "none" leaves the limit to the server, for models whose answers a limit would cut.
            settings.wholeNumber(Settings.modelKey(alias, "max-tokens"))
                    .ifPresentOrElse(n -> builder.maxTokens(n.intValue()), builder::noMaxTokens);
            builder.readTimeout(Duration.ofSeconds(settings.wholeNumber(Settings.modelKey(alias, "timeout-seconds")).orElseThrow()));
            // Finer than seconds, for local servers and tests of timeouts.
            settings.wholeNumber(Settings.modelKey(alias, "timeout-ms")).ifPresent(ms -> builder.readTimeout(Duration.ofMillis(ms)));
            HttpModelSettings built = builder.build();
            String api = settings.choice(Settings.modelKey(alias, API));
            String batch = settings.choice(Settings.modelKey(alias, BATCH));
            if (!batch.equals("false") && !api.equals("openai")) {
                throw new ConfigurationException(Settings.modelKey(alias, BATCH) + "=" + batch + ": the batch engines speak the"
                        + " OpenAI Batch API and its file format only, and " + Settings.modelKey(alias, API) + " is " + api);
            }
            if (api.equals("anthropic")) return resilient(alias, AnthropicModel.create(built, environment, images));
            if (api.equals("gemini")) return resilient(alias, GeminiModel.create(built, environment, images));
            OpenAiCompatibleModel http = OpenAiCompatibleModel.create(built, environment, images);
            return batch.equals("false") ? resilient(alias, http) : batched(alias, http, batch.equals("file"));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    /**
     * Layers, from the network out: the endpoint's adaptive limit, then retries (outside it, so that
     * a caller waiting to retry holds no slot), then the response cache (outside the retries, so
     * that a hit costs neither). The simulator gets none: it is local, and its answers depend on the
     * call context, which a cache key leaves out.
     */
    private ChatModel resilient(String alias, HttpChatModel http) {
        return cached(http, limitedAndRetried(alias, http));
    }

    private ChatModel limitedAndRetried(String alias, HttpChatModel http) {
        RetryPolicy policy = retryPolicy();
        AdaptiveLimiter limiter = limiters.forEndpoint(http.endpoint(), settings.maxConcurrency(alias));
        http.onRateLimits(limiter.pacer()::observe);
        http.spreadConnections(limiter.max());
        return new RetryingModel(new LimitedModel(calls.apply(http), limiter, policy), policy, stats);
    }

    private ChatModel cached(HttpChatModel http, ChatModel model) {
        if (settings.cacheEnabled() && http.deterministic()) {
            Path cacheDir = settings.cacheDir();
            return new CachingModel(model, http.cacheIdentity(), () -> ResponseCache.open(cacheDir), images, stats);
        }
        return model;
    }

    /**
     * A model whose calls go through a batch engine: no endpoint limit or retries (a batch is not a
     * request per call; a line retried synchronously goes through the synchronous client's), the
     * response cache outside, filled from the batches' answers under the keys the synchronous path
     * uses, so a later synchronous run hits it, and outside that the meter of batch tokens.
     */
    private ChatModel batched(String alias, OpenAiCompatibleModel http, boolean files) {
        BatchTarget.Retry retry = BatchTarget.Retry.parse(settings.choice(Settings.modelKey(alias, BATCH_RETRY)));
        Path dir = files ? settings.get(Settings.modelKey(alias, BATCH_DIR)).map(settings::resolve)
                .orElse(settings.outputDir().resolve("batch-files")) : null;
        BatchTarget target = new BatchTarget(alias, http.info().name(), http.batchApi(),
                files ? BatchTarget.Mode.FILE : BatchTarget.Mode.API, dir, retry,
                retry == BatchTarget.Retry.SYNC ? limitedAndRetried(alias, http) : null);
        return new BatchUsageMeter(cached(http, calls.apply(new BatchModel(target, http.info(), batches))), target, batches);
    }

    private RetryPolicy retryPolicy() {
        try {
            return new RetryPolicy(settings.integer(Settings.RETRY_MAX_ATTEMPTS),
                    Duration.ofMillis(settings.wholeNumber(Settings.RETRY_INITIAL_BACKOFF_MS).orElseThrow()),
                    Duration.ofMillis(settings.wholeNumber(Settings.RETRY_MAX_BACKOFF_MS).orElseThrow()),
                    Duration.ofSeconds(settings.wholeNumber(Settings.RETRY_RATE_LIMIT_BUDGET_SECONDS).orElseThrow()),
                    Duration.ofSeconds(settings.wholeNumber(Settings.RETRY_MAX_RETRY_AFTER_SECONDS).orElseThrow()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }
}
