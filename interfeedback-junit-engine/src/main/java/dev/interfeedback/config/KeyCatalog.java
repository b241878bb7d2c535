package dev.interfeedback.config;

import dev.interfeedback.config.Key.Choice;
import dev.interfeedback.config.Key.Decimal;
import dev.interfeedback.config.Key.Flag;
import dev.interfeedback.config.Key.Section;
import dev.interfeedback.config.Key.Share;
import dev.interfeedback.config.Key.Text;
import dev.interfeedback.config.Key.Type;
import dev.interfeedback.config.Key.WholeNumber;
import dev.interfeedback.prompt.PromptName;
import dev.interfeedback.text.DidYouMean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every {@code interfeedback.*} key, declared once: the engine, the command line and the Maven
 * plugin read settings through it ({@link Settings#get} refuses an undeclared key), a key that is
 * set but not declared here is refused with the closest declared one, and the README's
 * configuration tables are checked against it. Like a Maven plugin descriptor, for settings.
 */
public final class KeyCatalog {

    private static final long DAY_SECONDS = 86_400;
    private static final long HOUR_MS = 3_600_000;
    private static final long MOST_CONCURRENCY = 4096;

    public static final List<Key> KEYS = List.of(
            run(Settings.DATASET, new Text(), null, "(command line, required)",
                    "one or more datasets (JSONL, MMMU-Pro parquet file or config folder, MathVerse JSON), comma-separated;"
                            + " each is one benchmark, with the file's name as its id (its folder's name before it where"
                            + " two files have one name). Benchmark classes name theirs in the annotation. Format, subsets"
                            + " and publisher options: see [Datasets](#datasets)"),
            run(Settings.RECEIVER, new Text(), "receiver", null, "alias of the model under test"),
            run(Settings.PROVIDER, new Text(), "provider", null, "alias of the feedback provider"),
            run(Settings.FEEDBACK, new Choice(List.of("binary", "detailed", "human")), "detailed", null,
                    "`binary` (only \"incorrect\", no hint), `detailed` (written by the provider) or `human` (a person"
                            + " writes it, see [Running a human study in a day](#running-a-human-study-in-a-day))"),
            run(Settings.RECEIVERS, new Text(), null, "`interfeedback.receiver`",
                    "comma-separated receiver aliases; with `providers` and `feedbacks` a benchmark (on the command"
                            + " line, each dataset) runs one cell per combination (see [Reproducing the paper](#reproducing-the-paper));"
                            + " wins over the annotation's `receivers`, which `interfeedback.receiver` does not override"),
            run(Settings.PROVIDERS, new Text(), null, "`interfeedback.provider`",
                    "comma-separated provider aliases, one matrix column group each"),
            run(Settings.FEEDBACKS, new Text(), null, "`interfeedback.feedback`",
                    "comma-separated feedback kinds, one matrix column each"),
            run(Settings.ROUNDS, whole(1, 100), "3", null, "most feedback rounds per sample"),
            run(Settings.CONCURRENCY, whole(1, MOST_CONCURRENCY), "4", null,
                    "calls in flight per model endpoint, across all benchmarks of a run"),
            run(Settings.PARALLEL, new Flag(), "true", null,
                    "engine: samples run concurrently, bounded by the endpoint limits"),
            run(Settings.OUTPUT_DIR, new Text(), "target/interfeedback", null,
                    "where `results.json` and `episodes.jsonl` go"),
            run(Settings.BASE_DIR, new Text(), null, "see above", "the folder relative paths are resolved against"),
            run(model("url"), new Text(), null, "(required)",
                    "base URL of the API (`https://api.openai.com/v1`, `https://api.anthropic.com/v1`,"
                            + " `https://generativelanguage.googleapis.com/v1beta`), or a `simulator:` URL"),
            run(model(ModelFactory.API), new Choice(List.of("openai", "anthropic", "gemini")), "openai", null,
                    "the API's wire format: `openai` (any OpenAI-compatible server), `anthropic` (the Messages API)"
                            + " or `gemini` (generateContent); see [Model APIs](#model-apis)"),
            run(model("name"), new Text(), null, "(required for APIs)", "model id sent to the API"),
            run(model("api-key-env"), new Text(), null, "none", "environment variable holding the API key"),
            run(model("temperature"), new Decimal(0, 2), "0", null, "sampling temperature"),
            run(model("seed"), new WholeNumber(Long.MIN_VALUE, Long.MAX_VALUE, true), "1234", null,
                    "seed sent to the API; `none` sends none"),
            run(model("max-tokens"), new WholeNumber(1, Integer.MAX_VALUE, true), "1024", null,
                    "most tokens per answer; `none` sends no limit (not for `anthropic`, whose API requires one)"),
            run(model("timeout-seconds"), whole(1, DAY_SECONDS), "120", null,
                    "read timeout of one call; the whole call may take twice that, at least 300 s"),
            run(model("timeout-ms"), whole(1, DAY_SECONDS * 1000), null, "none",
                    "the same in milliseconds, for local servers; wins over `timeout-seconds`"),
            run(model("max-concurrency"), whole(1, MOST_CONCURRENCY), null, "`interfeedback.concurrency`",
                    "most calls in flight to the alias's endpoint (URL), shared by every alias and benchmark on it;"
                            + " halved on a 429, paused for its `Retry-After` (up to"
                            + " `interfeedback.retry.max-retry-after-seconds`), grown back by one slot per round of"
                            + " successful calls"),
            run(model(Prices.PROMPT_PER_MILLION), new Decimal(0, Double.MAX_VALUE), null, "none",
                    "price per million prompt tokens, for the estimated cost (set both prices or neither)"),
            run(model(Prices.COMPLETION_PER_MILLION), new Decimal(0, Double.MAX_VALUE), null, "none",
                    "price per million completion tokens"),
            run(model(Prices.CACHED_PROMPT_PER_MILLION), new Decimal(0, Double.MAX_VALUE), null,
                    "by `api`: half the prompt price (`openai`), a tenth (`anthropic`), a quarter (`gemini`)",
                    "price per million prompt tokens served from the API's prompt cache"),
            run(model(Prices.CACHE_WRITE_PER_MILLION), new Decimal(0, Double.MAX_VALUE), null,
                    "1.25 times the prompt price (`anthropic`), the prompt price (others)",
                    "price per million prompt tokens written to the API's prompt cache"),
            run(Prices.CURRENCY, new Text(), "USD", null, "currency of the prices"),
            run(model(Prices.BATCH_DISCOUNT), new Share(), "0.5", null,
                    "the share of the price taken off the calls a batch answered (the OpenAI Batch API's half), a fraction"
                            + " or a percentage; see [Batch API](#the-openai-batch-api)"),
            run(model(ModelFactory.BATCH), new Choice(List.of("false", "true", "file")), "false", null,
                    "`true`: send the alias's calls through the OpenAI Batch API, in waves (round 0 of the whole dataset,"
                            + " then each step of the feedback rounds), instead of one request each; `file`: write each wave"
                            + " as a batch input file for `vllm run-batch` and read its output file in the next run; see"
                            + " [Batch API](#the-openai-batch-api)"),
            run(model(ModelFactory.BATCH_RETRY), new Choice(List.of("next-wave", "sync", "none")), "next-wave", null,
                    "a line a batch answered with a 429 or 5xx, or left unanswered (an expired batch): sent again in the"
                            + " next wave (up to `interfeedback.retry.max-attempts` batches in all), at once through the"
                            + " synchronous client (`sync`, with its endpoint limit and retries), or an ERROR at once (`none`)"),
            run(model(ModelFactory.BATCH_DIR), new Text(), null, "`<output.dir>/batch-files`",
                    "where `batch=file` writes each wave's input file and looks for its output file"),

            run(Settings.RETRY_MAX_ATTEMPTS, whole(1, 100), "6", null,
                    "attempts per call, the first included; requests answered with an announced rate limit are not"
                            + " attempts"),
            run(Settings.RETRY_INITIAL_BACKOFF_MS, whole(0, HOUR_MS), "500", null,
                    "first wait of the jittered exponential backoff between attempts (never less than `Retry-After`,"
                            + " capped as below)"),
            run(Settings.RETRY_MAX_BACKOFF_MS, whole(0, HOUR_MS), "30000", null, "longest wait of that backoff"),
            run(Settings.RETRY_RATE_LIMIT_BUDGET_SECONDS, whole(0, DAY_SECONDS), "300", null,
                    "the total time one call may spend waiting out announced rate limits (a 429, or a 503 with"
                            + " `Retry-After`) before it is an ERROR; `0` makes the first one an ERROR"),
            run(Settings.RETRY_MAX_RETRY_AFTER_SECONDS, whole(1, DAY_SECONDS), "60", null,
                    "the cap on one `Retry-After` wait, for the call and for the endpoint's pause"),
            run(Settings.CACHE_ENABLED, new Flag(), "true", null,
                    "answer repeated deterministic requests (temperature 0) from the response cache"),
            run(Settings.CACHE_DIR, new Text(), null, "`<output.dir>/cache`", "where the response cache lives"),
            run(ModelFactory.BATCH_MAX_REQUESTS, whole(1, 50_000), "50000", null,
                    "most requests per batch input file (the API's limit); a larger wave is split into several batches"),
            run(ModelFactory.BATCH_MAX_BYTES, whole(1, 200L * 1024 * 1024), "209715200", null,
                    "most bytes per batch input file (the API's 200 MB); a larger wave is split"),
            run(ModelFactory.BATCH_FIRST_POLL_MS, whole(1, HOUR_MS), "5000", null,
                    "first wait before a batch is polled again; each wait doubles up to the longest"),
            run(ModelFactory.BATCH_LONGEST_POLL_MS, whole(1, HOUR_MS), "120000", null, "longest wait between polls of a batch"),
            run(Settings.RESUME, new Flag(), "true", null,
                    "continue an interrupted run of the whole dataset from its journal"
                            + " (`<output.dir>/journal/<benchmark>.jsonl`); `false` starts afresh"),
            run(Settings.MAINTENANCE, new Flag(), "false", null,
                    "run the answer-maintenance control on the samples right at round 0: tell the receiver its answer"
                            + " is incorrect for up to `interfeedback.rounds` rounds and count how many keep it (costs a call"
                            + " per round per such sample); see [Controls](#controls-beside-the-correction-rate)"),
            run(ShardSetting.KEY, new Text(), null, "none, or the CI system's parallel-job variables",
                    "`K/N`: run shard K of N (K from 1 to N), the samples whose ids hash to it, and write `shard.json`"
                            + " beside the results for `interfeedback:merge`; wins over GitLab's `CI_NODE_INDEX`/`CI_NODE_TOTAL`,"
                            + " CircleCI's `CIRCLE_NODE_INDEX`/`CIRCLE_NODE_TOTAL` and Buildkite's `BUILDKITE_PARALLEL_JOB`/"
                            + "`BUILDKITE_PARALLEL_JOB_COUNT`, read when it is unset; `1/1` runs every sample (overriding them). See"
                            + " [Sharding](#sharding-across-ci-machines)"),
            run(Settings.PROGRESS_INTERVAL_SECONDS, whole(0, DAY_SECONDS), "10", null,
                    "command line: a progress line per benchmark this often when the output is not a terminal"
                            + " (redrawn every second on one); `0` for none"),
            run(HumanSettings.PROTOCOL, new Choice(List.of("interfeedback-human", "free")), "interfeedback-human", null,
                    "human feedback: `interfeedback-human` (the paper's: round 1 a hint, round 2 a fuller explanation,"
                            + " round 3 the answer with an explanation, pre-filled; exactly 3 rounds) or `free` (any text,"
                            + " up to `interfeedback.rounds`)"),
            run(HumanSettings.SCRIPT, new Text(), null, "none",
                    "human feedback: recorded feedback files (JSONL: `sampleId`, `round`, `text`; a page's"
                            + " `human/session.jsonl` is one), comma-separated, replayed against the receiver"),
            run(HumanSettings.PAGE, new Flag(), "false", null,
                    "human feedback: open the local feedback page for what no recording holds (the"
                            + " `interfeedback:human` goal sets it); without it or a recording, a human benchmark fails"
                            + " at its start rather than wait"),
            run(HumanSettings.PORT, whole(0, 65535), "0", null, "the page's port on 127.0.0.1; `0`: a free one"),
            run(HumanSettings.WAITING, whole(1, MOST_CONCURRENCY), "8", null,
                    "human feedback: samples that may wait for a person at once, beside the receiver's calls in"
                            + " flight, so the next task is ready while the receiver answers the last ones"),
            run(HumanSettings.SHOW_MODEL, new Flag(), "false", null,
                    "show the receiver's model name on the page (hidden by default, so it cannot sway the annotators)"),
            run(Settings.MAX_ERROR_RATE, new Share(), "0", null,
                    "command line: the exit code is 3 when a benchmark's errors (failed calls) are a larger share of its"
                            + " samples than this, a fraction (`0.05`) or a percentage (`5%`); `0`: any error"),

            prompt(PromptName.ANSWER_FORMAT_MULTIPLE_CHOICE, "the answer-format instruction of a multiple-choice question"),
            prompt(PromptName.ANSWER_FORMAT_FREE_FORM, "the answer-format instruction of a free-form question"),
            prompt(PromptName.BINARY_FEEDBACK, "what the receiver reads under binary feedback (and in the maintenance control)"),
            prompt(PromptName.DETAILED_FEEDBACK, "how the receiver reads the provider's feedback"),
            prompt(PromptName.PROVIDER_SYSTEM, "the provider's system prompt when it writes feedback"),
            prompt(PromptName.PROVIDER_REQUEST, "what the provider is asked for feedback"),
            prompt(PromptName.PROVIDER_RETRY, "what the provider is told when its feedback gave the answer away"),

            dataset(DatasetSettings.FORMAT, new Choice(List.of("jsonl", "mmmu-pro", "mathverse")), null, "from the path",
                    "`jsonl`, `mmmu-pro` (`.parquet` or a folder), `mathverse` (`.json`)"),
            dataset(DatasetSettings.ON_BAD_ROW, new Choice(List.of("fail", "skip")), "fail", null,
                    "MMMU-Pro and MathVerse (JSONL always lists every bad line and stops). `fail`: every bad row (missing"
                            + " field, unparsable options, missing image, image path leaving the folder, answer outside the"
                            + " options) is listed with file, row, id and field and the run stops; `skip`: such rows are"
                            + " left out and counted"),
            dataset(DatasetSettings.SUBJECTS, new Text(), null, "all",
                    "comma-separated subjects (MMMU-Pro `subject`, MathVerse `metadata.subject`)"),
            dataset(DatasetSettings.DIFFICULTIES, new Text(), null, "all",
                    "MMMU-Pro `topic_difficulty`: Easy, Medium, Hard"),
            dataset(DatasetSettings.LIMIT, whole(1, Integer.MAX_VALUE), null, "all",
                    "at most this many samples, chosen by a seeded hash of their ids: the same subset on every run"),
            dataset(DatasetSettings.SEED, new WholeNumber(Long.MIN_VALUE, Long.MAX_VALUE, false), "0", null,
                    "the seed of that choice"),
            dataset(DatasetSettings.IMAGE_CACHE, new Text(), null, "`<output dir>/image-cache/<file>`",
                    "where parquet images are written"),
            dataset(DatasetSettings.MMMU_PRO_CONFIG, new Text(), null, "from the file",
                    "`standard (10 options)`, `standard (4 options)`, `vision`"),
            dataset(DatasetSettings.MMMU_PRO_MODE, new Choice(List.of("cot", "direct")), "cot", null,
                    "`cot` or `direct` official prompt"),
            dataset(DatasetSettings.MMMU_PRO_MULTI_IMAGE, new Choice(List.of("all", "first", "skip")), "all", null,
                    "`all`, `first` (first named image only) or `skip` (leave out samples with several images)"),
            dataset(DatasetSettings.MATHVERSE_VERSIONS, new Text(), null, "all in the file",
                    "e.g. `Vision Only,Vision Dominant`"),
            dataset(DatasetSettings.MATHVERSE_PROMPT, new Text(), "cot", null,
                    "`cot` (`query_cot`) or `direct` (`query_wo`)"),
            dataset(DatasetSettings.MATHVERSE_IMAGES, new Text(), null, "the JSON's folder",
                    "the folder holding `images_version_*`"),
            dataset(DatasetSettings.MATHVERSE_SCORING, new Choice(List.of("rules", "judge", "hybrid")), "rules", null,
                    "`rules`; `judge`: MathVerse's official two-step scoring (a judge model extracts, then judges);"
                            + " `hybrid`: the rules where they are certain, the judge only where they are unsure"),
            dataset(DatasetSettings.MATHVERSE_JUDGE, new Text(), "judge", null, "model alias of that judge"),

            plugin("skip", new Flag(), "skip the goals"),
            plugin("results", new Text(), "the results file check reads"),
            plugin("episodes", new Text(), "the episodes file check reads"),
            plugin("haltOnFailure", new Flag(), "fail the build on unmet limits and regressions, else warn"),
            plugin("baseline", new Text(), "the committed baseline"),
            plugin("baseline.update", new Flag(), "write the baseline from this run instead of comparing"),
            plugin("regression.tolerance", new Text(), "a drop in pass rate up to this is never a regression"),
            plugin("regression.significance", new Text(), "McNemar p-value under which a larger drop is a regression"),
            plugin("report.compareTo", new Text(), "report: another run's output directory, shown beside this run"),
            plugin("shards", new Text(), "the shards' output directories that merge merges, comma-separated"),
            plugin("shards.dir", new Text(), "a folder whose every subfolder is a shard's output directory, for merge"));

    /** What {@link #find} found for each key asked: settings are read per sample, each read checking its key. */
    private static final Map<String, Optional<Key>> FOUND = new ConcurrentHashMap<>();

    private KeyCatalog() {}

    /** The declaration of a key (or of the pattern it is an instance of). */
    public static Optional<Key> find(String key) {
        return FOUND.computeIfAbsent(key, k -> KEYS.stream().filter(declared -> declared.matches(k)).findFirst());
    }

    /** The declaration of a key the code reads; reading an undeclared key is a bug, not a user's error. */
    static Key declared(String key) {
        return find(key).orElseThrow(() -> new IllegalStateException(
                key + " is read but not declared in " + KeyCatalog.class.getName()));
    }

    public static List<Key> section(Section section) {
        return KEYS.stream().filter(k -> k.section() == section).toList();
    }

    /**
     * Refuses keys with the {@code interfeedback.} prefix that no declaration knows, each with the
     * closest declared key: a typo would otherwise run with the default and look like a result.
     * Keys without the prefix belong to others (JUnit, the JVM) and are let through.
     *
     * @param where where the keys were set, for the message ("configuration parameters", a file)
     */
    public static void requireKnown(Collection<String> keys, String where) {
        List<String> unknown = new ArrayList<>();
        for (String key : keys.stream().sorted().toList()) {
            if (key.startsWith(Settings.PREFIX) && find(key).isEmpty()) {
                unknown.add(key + suggestion(key).map(s -> " (did you mean " + s + "?)").orElse(""));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigurationException((unknown.size() == 1 ? "unknown setting " : "unknown settings ")
                    + String.join(", ", unknown) + " in " + where
                    + "; the settings are listed in the README's configuration reference");
        }
    }

    /** The closest declared key: a fixed key, or a model key of the same alias with the closest field. */
    static Optional<String> suggestion(String key) {
        String modelPrefix = Settings.PREFIX + "model.";
        if (key.startsWith(modelPrefix)) {
            String rest = key.substring(modelPrefix.length());
            int dot = rest.indexOf('.');
            if (dot > 0) {
                String alias = rest.substring(0, dot);
                List<String> fields = KEYS.stream().filter(Key::isPattern)
                        .map(k -> k.name().substring((modelPrefix + Key.ALIAS + ".").length())).toList();
                return DidYouMean.closest(rest.substring(dot + 1), fields).map(f -> modelPrefix + alias + "." + f);
            }
        }
        return DidYouMean.closest(key, KEYS.stream().filter(k -> !k.isPattern()).map(Key::name).toList());
    }

    private static String model(String field) {
        return Settings.PREFIX + "model." + Key.ALIAS + "." + field;
    }

    private static WholeNumber whole(long min, long max) {
        return new WholeNumber(min, max, false);
    }

    private static Key run(String name, Type type, String defaultValue, String documentedDefault, String meaning) {
        return new Key(name, type, defaultValue, documentedDefault, meaning, Section.RUN);
    }

    /** A file replacing a prompt template; documented with its placeholders. */
    private static Key prompt(PromptName name, String meaning) {
        String placeholders = name.placeholders().isEmpty() ? "no placeholder"
                : (name.placeholders().size() == 1 ? "placeholder " : "placeholders ") + String.join(", ", name.placeholders().stream().map(p -> "`{{" + p + "}}`").toList());
        return new Key(name.settingKey(), new Text(), null, "built-in `" + name.id() + ".v" + name.version() + "`",
                "a file replacing " + meaning + " (" + placeholders + "); see [Prompts](#prompts)", Section.RUN);
    }

    private static Key dataset(String name, Type type, String defaultValue, String documentedDefault, String meaning) {
        return new Key(name, type, defaultValue, documentedDefault, meaning, Section.DATASET);
    }

    private static Key plugin(String property, Type type, String meaning) {
        return new Key(Settings.PREFIX + property, type, null, null, meaning, Section.PLUGIN);
    }
}
