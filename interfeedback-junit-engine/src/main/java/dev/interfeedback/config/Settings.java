package dev.interfeedback.config;

import dev.interfeedback.feedback.FeedbackKind;
import dev.interfeedback.prompt.PromptName;
import dev.interfeedback.prompt.Prompts;
import java.nio.file.Files;
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
    /** A benchmark matrix: comma lists of receivers, providers and feedback kinds, one run per cell. */
    public static final String RECEIVERS = PREFIX + "receivers";
    public static final String PROVIDERS = PREFIX + "providers";
    public static final String FEEDBACKS = PREFIX + "feedbacks";
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
    /** Engine: whether samples run concurrently. */
    public static final String PARALLEL = PREFIX + "parallel";
    /** Whether samples right at round 0 get the answer-maintenance control. */
    public static final String MAINTENANCE = PREFIX + "maintenance";
    /** Command line: the share of errors above which a benchmark fails the exit code. */
    public static final String MAX_ERROR_RATE = PREFIX + "max-error-rate";

    private final Function<String, Optional<String>> lookup;

    public Settings(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /**
     * The value set for a declared key, if any.
     *
     * @throws IllegalStateException when the key is not declared in {@link KeyCatalog}
     */
    public Optional<String> get(String key) {
        KeyCatalog.declared(key);
        return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    /**
     * Checks every {@code interfeedback.*} key that is set before anything runs: unknown keys are
     * refused with the closest known one, and every value is parsed by its declared type, so a
     * bad value fails the run at its start rather than when it is first read.
     *
     * @param keys the keys that are set
     * @param where where they were set, for the message
     */
    public void validate(Collection<String> keys, String where) {
        KeyCatalog.requireKnown(keys, where);
        for (String key : keys) {
            Optional<Key> declared = key.startsWith(PREFIX) ? KeyCatalog.find(key) : Optional.empty();
            // The plugin's own properties are the plugin's to read.
            if (declared.isPresent() && declared.get().section() != Key.Section.PLUGIN) {
                get(key).ifPresent(value -> declared.get().check(key, value));
            }
        }
    }

    public String require(String key, String expected) {
        return get(key).orElseThrow(() -> new ConfigurationException("missing setting " + key + ": expected " + expected));
    }

    /** The value set, else the declared default. */
    public Optional<String> valueOrDefault(String key) {
        return get(key).or(() -> Optional.ofNullable(KeyCatalog.declared(key).defaultValue()));
    }

    public static String modelKey(String alias, String field) {
        return PREFIX + "model." + alias + "." + field;
    }

    public String receiverAlias() {
        return valueOrDefault(RECEIVER).orElseThrow();
    }

    public String providerAlias() {
        return valueOrDefault(PROVIDER).orElseThrow();
    }

    public FeedbackKind feedback() {
        return FeedbackKind.parse(choice(FEEDBACK));
    }

    public int rounds() {
        return integer(ROUNDS);
    }

    public int concurrency() {
        return integer(CONCURRENCY);
    }

    /**
     * Where results go. A file on the way to it is refused here, naming the setting: creating the
     * folder later would fail with a bare {@code FileAlreadyExistsException}.
     */
    public Path outputDir() {
        Path dir = resolve(valueOrDefault(OUTPUT_DIR).orElseThrow());
        for (Path on = dir.toAbsolutePath(); on != null; on = on.getParent()) {
            if (Files.exists(on)) {
                if (Files.isDirectory(on)) return dir;
                throw new ConfigurationException(OUTPUT_DIR + ": " + dir + " cannot be a folder: " + on
                        + " is a file, not a folder; set " + OUTPUT_DIR + " to a folder or to a path where one can be created");
            }
        }
        return dir;
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
        return flag(CACHE_ENABLED);
    }

    /**
     * The prompt templates: the built-in ones, each replaced by the file its
     * {@code interfeedback.prompts.<name>} names (relative to {@link #BASE_DIR}).
     *
     * @throws ConfigurationException naming the key and the file, when a file is missing or lacks
     *     a placeholder its prompt needs
     */
    public Prompts prompts() {
        Prompts prompts = Prompts.builtIn();
        for (PromptName name : PromptName.values()) {
            Optional<String> file = get(name.settingKey());
            if (file.isEmpty()) continue;
            try {
                prompts = prompts.withFile(name, resolve(file.get()));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage(), e);
            }
        }
        return prompts;
    }

    /** Whether a run continues from the journal an interrupted run of the same benchmark left. */
    public boolean resume() {
        return flag(RESUME);
    }

    /** A true-or-false key: its value, else its default. */
    public boolean flag(String key) {
        Key declared = KeyCatalog.declared(key);
        return declared.flag(key, valueOrDefault(key).orElseThrow());
    }

    /** A key of one of a few values, lower case: its value, else its default (empty when it has none). */
    public String choice(String key) {
        return valueOrDefault(key).map(v -> KeyCatalog.declared(key).choice(key, v)).orElse("");
    }

    /**
     * A whole-number key, checked against its declared range: its value, else its default; empty
     * when neither is set, or for {@code none} where the key allows it.
     */
    public Optional<Long> wholeNumber(String key) {
        Optional<String> value = valueOrDefault(key);
        return value.isEmpty() ? Optional.empty() : KeyCatalog.declared(key).wholeNumber(key, value.get());
    }

    /** A whole-number key that has a default, or whose range fits an int. */
    public int integer(String key) {
        return (int) (long) wholeNumber(key).orElseThrow(() -> new IllegalStateException(key + " has no default"));
    }

    /** A whole-number key whose default is not a constant: {@code fallback} when unset. */
    public int integer(String key, int fallback) {
        return wholeNumber(key).map(Long::intValue).orElse(fallback);
    }

    /** A number key, checked against its declared range: its value, else its default. */
    public Optional<Double> decimal(String key) {
        return valueOrDefault(key).map(v -> KeyCatalog.declared(key).decimal(key, v));
    }

    /** A share key (a fraction 0..1 or a percentage): its value, else its default. */
    public double share(String key) {
        return KeyCatalog.declared(key).share(key, valueOrDefault(key).orElseThrow());
    }

    /**
     * The most calls in flight to an alias's endpoint (its URL, shared by every alias and benchmark
     * on it): {@code interfeedback.model.<alias>.max-concurrency}, else {@code interfeedback.concurrency}.
     */
    public int maxConcurrency(String alias) {
        return integer(modelKey(alias, "max-concurrency"), concurrency());
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
}
