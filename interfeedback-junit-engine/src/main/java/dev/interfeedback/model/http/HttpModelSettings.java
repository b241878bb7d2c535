package dev.interfeedback.model.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to reach one model over HTTP, whatever its wire format (OpenAI-compatible, Anthropic, Gemini).
 * Holds the <em>name</em> of the environment variable
 * with the API key, never the key itself, so that this record can be printed, logged and compared
 * freely; the key is only looked up by {@link #resolveApiKey(Function)} when a model is built.
 *
 * @param alias the configuration alias, as reports name the model
 * @param baseUrl the API's base URL, e.g. {@code https://api.openai.com/v1}; each wire format
 *     adds its own path ({@code /chat/completions}, {@code /messages}, {@code /models/{model}:generateContent})
 * @param model the model id sent to the API
 * @param apiKeyEnv the environment variable holding the key, or null for servers without auth
 *     (a local vLLM or Ollama)
 * @param temperature the sampling temperature; 0 by default, for reproducible answers
 * @param seed the sampling seed, or null to send none (some servers reject the field)
 * @param maxTokens the completion token limit, or null to leave it to the server
 * @param connectTimeout the limit on opening a connection
 * @param readTimeout the limit on any single read, so a stalled server fails the call
 * @param callTimeout the limit on the whole call, or {@link Duration#ZERO} for none
 */
public record HttpModelSettings(
        String alias,
        String baseUrl,
        String model,
        String apiKeyEnv,
        double temperature,
        Long seed,
        Integer maxTokens,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout) {

    public static final double DEFAULT_TEMPERATURE = 0.0;
    public static final long DEFAULT_SEED = 1234L;
    public static final int DEFAULT_MAX_TOKENS = 1024;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    // Long answers from large models on a busy server can take minutes before the first byte.
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(300);

    public HttpModelSettings {
        requireText(alias, "alias", alias);
        requireText(baseUrl, "url", alias);
        requireText(model, "name", alias);
        if (apiKeyEnv != null && apiKeyEnv.isBlank()) apiKeyEnv = null;
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException(
                    "model '" + alias + "': temperature must be between 0 and 2, was " + temperature);
        }
        if (maxTokens != null && maxTokens <= 0) {
            throw new IllegalArgumentException(
                    "model '" + alias + "': max tokens must be positive, was " + maxTokens);
        }
        connectTimeout = requireTimeout(connectTimeout, "connect timeout", alias);
        readTimeout = requireTimeout(readTimeout, "read timeout", alias);
        callTimeout = requireTimeout(callTimeout, "call timeout", alias);
    }

    /** Settings with the defaults: temperature 0, seed 1234, 1024 max tokens, default timeouts. */
    public static Builder builder(String alias, String baseUrl, String model) {
        return new Builder(alias, baseUrl, model);
    }

    /**
     * Looks the API key up in the environment.
     *
     * @param env the environment lookup ({@code System::getenv} in production)
     * @return the key, or empty when no variable is configured
     * @throws IllegalArgumentException when the variable is configured but unset or blank; the
     *     message names the variable, not its value
     */
    public Optional<ApiKey> resolveApiKey(Function<String, String> env) {
        if (apiKeyEnv == null) return Optional.empty();
        String value = env.apply(apiKeyEnv);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("model '" + alias + "': environment variable " + apiKeyEnv
                    + " (interfeedback.model." + alias + ".api-key-env) is not set or is blank;"
                    + " export the API key in it, or remove api-key-env for a server without auth");
        }
        return Optional.of(new ApiKey(value.strip()));
    }

    private static void requireText(String value, String field, String alias) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "model '" + alias + "': interfeedback.model." + alias + "." + field + " is missing");
        }
    }

    private static Duration requireTimeout(Duration value, String what, String alias) {
        Objects.requireNonNull(value, what);
        if (value.isNegative()) {
            throw new IllegalArgumentException("model '" + alias + "': " + what + " must not be negative, was " + value);
        }
        return value;
    }

    /** Builds {@link HttpModelSettings} starting from the defaults. */
    public static final class Builder {
        private final String alias;
        private final String baseUrl;
        private final String model;
        private String apiKeyEnv;
        private double temperature = DEFAULT_TEMPERATURE;
        private Long seed = DEFAULT_SEED;
        private Integer maxTokens = DEFAULT_MAX_TOKENS;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration callTimeout;

        private Builder(String alias, String baseUrl, String model) {
            this.alias = alias;
            this.baseUrl = baseUrl;
            this.model = model;
        }

        public Builder apiKeyEnv(String variableName) {
            this.apiKeyEnv = variableName;
            return this;
        }

        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sends no seed, for servers that reject the field. */
        public Builder noSeed() {
            this.seed = null;
            return this;
        }

        public Builder maxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /** Sends no token limit; the server's default applies. */
        public Builder noMaxTokens() {
            this.maxTokens = null;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /**
         * The limit on the whole call; {@link Duration#ZERO} for none. By default the larger of
         * {@link #DEFAULT_CALL_TIMEOUT} and twice the read timeout, so a longer read timeout is
         * not cut short by it.
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        public HttpModelSettings build() {
            Duration call = callTimeout != null ? callTimeout
                    : readTimeout.multipliedBy(2).compareTo(DEFAULT_CALL_TIMEOUT) > 0 ? readTimeout.multipliedBy(2)
                    : DEFAULT_CALL_TIMEOUT;
            return new HttpModelSettings(alias, baseUrl, model, apiKeyEnv, temperature, seed, maxTokens,
                    connectTimeout, readTimeout, call);
        }
    }
}
