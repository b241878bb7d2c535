package dev.interfeedback.config;

import dev.interfeedback.feedback.FeedbackKind;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code interfeedback.*} settings, read through one lookup so that the JUnit engine
 * (configuration parameters), the Maven plugin and the command line share the same keys.
 */
public final class Settings {

    public static final String PREFIX = "interfeedback.";
    public static final String RECEIVER = PREFIX + "receiver";
    public static final String PROVIDER = PREFIX + "provider";
    public static final String FEEDBACK = PREFIX + "feedback";
    public static final String ROUNDS = PREFIX + "rounds";
    public static final String OUTPUT_DIR = PREFIX + "output.dir";
    public static final String CONCURRENCY = PREFIX + "concurrency";
    public static final String DATASET = PREFIX + "dataset";
    /** The folder relative paths are resolved against; the Maven plugin sets it to the project's folder. */
    public static final String BASE_DIR = PREFIX + "basedir";

    public static final String RETRY_MAX_ATTEMPTS = PREFIX + "retry.max-attempts";
    public static final String RETRY_INITIAL_BACKOFF_MS = PREFIX + "retry.initial-backoff-ms";
    public static final String RETRY_MAX_BACKOFF_MS = PREFIX + "retry.max-backoff-ms";
    public static final String RETRY_RATE_LIMIT_BUDGET_SECONDS = PREFIX + "retry.rate-limit-budget-seconds";
    public static final String RETRY_MAX_RETRY_AFTER_SECONDS = PREFIX + "retry.max-retry-after-seconds";
    public static final String CACHE_ENABLED = PREFIX + "cache.enabled";
    public static final String CACHE_DIR = PREFIX + "cache.dir";
    public static final String RESUME = PREFIX + "resume";
    public static final String PROGRESS_INTERVAL_SECONDS = PREFIX + "progress.interval-seconds";

    public static final int DEFAULT_ROUNDS = 3;
    public static final int DEFAULT_CONCURRENCY = 4;

    private final Function<String, Optional<String>> lookup;

    public Settings(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    public Optional<String> get(String key) {
        return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String require(String key, String expected) {
        return get(key).orElseThrow(() -> new ConfigurationException("missing setting " + key + ": expected " + expected));
    }

    public static String modelKey(String alias, String field) {
        return PREFIX + "model." + alias + "." + field;
    }

    public String receiverAlias() {
        return get(RECEIVER).orElse("receiver");
    }

    public String providerAlias() {
        return get(PROVIDER).orElse("provider");
    }

    public FeedbackKind feedback() {
        String value = get(FEEDBACK).orElse(FeedbackKind.DETAILED.configName());
        try {
            return FeedbackKind.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(FEEDBACK + ": " + e.getMessage());
        }
    }

    public int rounds() {
        return positiveInt(ROUNDS, DEFAULT_ROUNDS);
    }

    public int concurrency() {
        return positiveInt(CONCURRENCY, DEFAULT_CONCURRENCY);
    }

    public Path outputDir() {
        return resolve(get(OUTPUT_DIR).orElse("target/interfeedback"));
    }

    /** A path of a setting or annotation: relative paths are relative to {@link #BASE_DIR}, else to the working directory. */
    public Path resolve(String path) {
        Path given = Path.of(path);
        return given.isAbsolute() ? given : get(BASE_DIR).map(Path::of).map(base -> base.resolve(given)).orElse(given);
    }

    /** Where cached responses live: {@code interfeedback.cache.dir}, by default {@code cache} in the output directory. */
    public Path cacheDir() {
        return get(CACHE_DIR).map(this::resolve).orElse(outputDir().resolve("cache"));
    }

    public boolean cacheEnabled() {
        return flag(CACHE_ENABLED, true);
    }

    /** Whether a run continues from the journal an interrupted run of the same benchmark left. */
    public boolean resume() {
        return flag(RESUME, true);
    }

    public boolean flag(String key, boolean fallback) {
        Optional<String> value = get(key);
        if (value.isEmpty()) return fallback;
        if (value.get().equalsIgnoreCase("true")) return true;
        if (value.get().equalsIgnoreCase("false")) return false;
        throw new ConfigurationException(key + ": expected true or false, found \"" + value.get() + "\"");
    }

    public long nonNegativeLong(String key, long fallback) {
        Optional<String> value = get(key);
        if (value.isEmpty()) return fallback;
        try {
            long n = Long.parseLong(value.get());
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // reported below with the key and the value
        }
        throw new ConfigurationException(key + ": expected a whole number of at least 0, found \"" + value.get() + "\"");
    }

    /** A whole number, which the key must have. */
    public long wholeNumber(String key) {
        String value = require(key, "a whole number");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key + ": expected a whole number, found \"" + value + "\"");
        }
    }

    /**
     * The most calls in flight to an alias's endpoint (its URL, shared by every alias and benchmark
     * on it): {@code interfeedback.model.<alias>.max-concurrency}, else {@code interfeedback.concurrency}.
     */
    public int maxConcurrency(String alias) {
        return positiveInt(modelKey(alias, "max-concurrency"), concurrency());
    }

    /**
     * The limit of each distinct endpoint the aliases call, by URL (aliases on one server share
     * it). Threads enough for all of them keep every endpoint busy at its limit.
     */
    public Map<String, Integer> endpointLimits(Collection<String> aliases) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (String alias : aliases) {
            limits.putIfAbsent(get(modelKey(alias, "url")).orElse("alias:" + alias), maxConcurrency(alias));
        }
        return limits;
    }

    public int positiveInt(String key, int fallback) {
        Optional<String> value = get(key);
        if (value.isEmpty()) return fallback;
        try {
            int n = Integer.parseInt(value.get());
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // reported below with the key and the value
        }
        throw new ConfigurationException(key + ": expected a whole number of at least 1, found \"" + value.get() + "\"");
    }
}
