package dev.interfeedback.config;

import dev.interfeedback.dataset.BadRowPolicy;
import dev.interfeedback.dataset.DatasetLoad;
import dev.interfeedback.dataset.JsonlDatasetLoader;
import dev.interfeedback.dataset.SampleSelection;
import dev.interfeedback.dataset.mathverse.MathVerseLoader;
import dev.interfeedback.dataset.mathverse.MathVerseOptions;
import dev.interfeedback.dataset.mathverse.MathVersePromptMode;
import dev.interfeedback.dataset.mathverse.MathVerseVersion;
import dev.interfeedback.dataset.mmmupro.MmmuProConfig;
import dev.interfeedback.dataset.mmmupro.MmmuProLoader;
import dev.interfeedback.dataset.mmmupro.MmmuProMode;
import dev.interfeedback.dataset.mmmupro.MmmuProOptions;
import dev.interfeedback.dataset.mmmupro.MultiImagePolicy;
import dev.interfeedback.scoring.ScoringMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code interfeedback.dataset.*} settings, and loading a dataset by them: the format (told
 * from the path when not set), the publisher-format options, the bad-row policy, and the subset
 * (filters, then a seeded sample limit).
 */
public final class DatasetSettings {

    private static final String P = Settings.DATASET + ".";
    /** {@code jsonl}, {@code mmmu-pro} or {@code mathverse}; default: {@code .jsonl} is jsonl, {@code .json} mathverse, {@code .parquet} or a folder mmmu-pro. */
    public static final String FORMAT = P + "format";
    /** {@code fail} (default) or {@code skip}: what a bad row does in the publisher formats. */
    public static final String ON_BAD_ROW = P + "on-bad-row";
    /** At most this many samples, chosen by a seeded hash of their ids (see {@link SampleSelection}). */
    public static final String LIMIT = P + "limit";
    /** The seed of that choice; default 0. */
    public static final String SEED = P + "seed";
    /** Comma-separated subjects to keep (MMMU-Pro {@code subject}, MathVerse {@code metadata.subject}). */
    public static final String SUBJECTS = P + "subjects";
    /** Comma-separated MMMU-Pro {@code topic_difficulty} values to keep: Easy, Medium, Hard. */
    public static final String DIFFICULTIES = P + "difficulties";
    /** Where parquet image bytes are written; default {@code <output dir>/image-cache/<dataset file name>}. */
    public static final String IMAGE_CACHE = P + "image-cache";
    /** "standard (10 options)", "standard (4 options)" or "vision" (short forms standard-10, standard-4); default: told from the file. */
    public static final String MMMU_PRO_CONFIG = P + "mmmu-pro.config";
    /** {@code cot} (default) or {@code direct}: the official prompt mode. */
    public static final String MMMU_PRO_MODE = P + "mmmu-pro.mode";
    /** {@code all} (default), {@code first} or {@code skip}: samples with several images. */
    public static final String MMMU_PRO_MULTI_IMAGE = P + "mmmu-pro.multi-image";
    /** Comma-separated MathVerse versions to keep ("Vision Only", vision-only, ...); default all in the file. */
    public static final String MATHVERSE_VERSIONS = P + "mathverse.versions";
    /** {@code cot} ({@code query_cot}, default) or {@code direct} ({@code query_wo}). */
    public static final String MATHVERSE_PROMPT = P + "mathverse.prompt";
    /** The folder holding {@code images_version_*}; default the JSON file's folder. */
    public static final String MATHVERSE_IMAGES = P + "mathverse.images";

    /**
     * {@code rules} (default: the rule-based {@link dev.interfeedback.scoring.Scorer}), {@code judge}:
     * MathVerse's official two-step scoring by a judge model, for every sample of the run, or
     * {@code hybrid}: the rules where they are certain, the judge only where they are unsure.
     */
    public static final String MATHVERSE_SCORING = P + "mathverse.scoring";
    /** The model alias of that judge ({@code interfeedback.model.<alias>.*}); default {@code judge}. */
    public static final String MATHVERSE_JUDGE = P + "mathverse.judge";

    private final Settings settings;

    public DatasetSettings(Settings settings) {
        this.settings = settings;
    }

    /** Loads the dataset at {@code path} and narrows it to the configured subset. */
    public DatasetLoad load(Path path) {
        DatasetLoad load = switch (format(path)) {
            case "jsonl" -> new DatasetLoad(new JsonlDatasetLoader().load(path), List.of(), List.of(), List.of());
            case "mmmu-pro" -> new MmmuProLoader(mmmuProOptions(path)).load(path);
            case "mathverse" -> new MathVerseLoader(mathVerseOptions()).load(path);
            default -> throw new IllegalStateException("unreachable");
        };
        return new DatasetLoad(selection().apply(load.dataset()), load.skipped(), load.excluded(), load.warnings());
    }

    String format(Path path) {
        String set = settings.choice(FORMAT);
        if (!set.isEmpty()) {
            return set;
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl")) {
            return "jsonl";
        }
        if (name.endsWith(".json")) {
            return "mathverse";
        }
        if (name.endsWith(".parquet") || Files.isDirectory(path)) {
            return "mmmu-pro";
        }
        throw new ConfigurationException("cannot tell the format of " + path + "; set " + FORMAT
                + " to jsonl, mmmu-pro or mathverse");
    }

    public SampleSelection selection() {
        SampleSelection selection = SampleSelection.ALL;
        Set<String> subjects = list(SUBJECTS);
        if (!subjects.isEmpty()) {
            selection = selection.where(SampleSelection.CATEGORY, subjects);
        }
        Set<String> difficulties = list(DIFFICULTIES);
        if (!difficulties.isEmpty()) {
            selection = selection.where("topic_difficulty", difficulties);
        }
        Optional<Long> limit = settings.wholeNumber(LIMIT);
        if (limit.isPresent()) {
            selection = selection.limitedTo(limit.get().intValue(), settings.wholeNumber(SEED).orElseThrow());
        }
        return selection;
    }

    public MmmuProOptions mmmuProOptions(Path path) {
        String fileName = path.getFileName() == null ? "dataset" : path.getFileName().toString();
        Path cache = settings.get(IMAGE_CACHE).map(settings::resolve)
                .orElse(settings.outputDir().resolve("image-cache").resolve(fileName.replaceAll("[^A-Za-z0-9._-]", "_")));
        MmmuProOptions options = MmmuProOptions.defaults(cache)
                .withMode(MmmuProMode.parse(settings.choice(MMMU_PRO_MODE)))
                .withMultiImage(MultiImagePolicy.parse(settings.choice(MMMU_PRO_MULTI_IMAGE)))
                .withBadRows(badRows());
        return options.withConfig(parse(MMMU_PRO_CONFIG, MmmuProConfig::parse, null));
    }

    public MathVerseOptions mathVerseOptions() {
        Set<MathVerseVersion> versions = list(MATHVERSE_VERSIONS).stream().map(v -> {
            try {
                return MathVerseVersion.parse(v);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(MATHVERSE_VERSIONS + ": " + e.getMessage());
            }
        }).collect(Collectors.toSet());
        return new MathVerseOptions(versions, parse(MATHVERSE_PROMPT, MathVersePromptMode::parse, null),
                badRows(), settings.get(MATHVERSE_IMAGES).map(settings::resolve).orElse(null));
    }

    /** Rules, MathVerse's two-step judge, or rules with the judge only where they are unsure. */
    public ScoringMode scoringMode() {
        return ScoringMode.parse(settings.choice(MATHVERSE_SCORING));
    }

    public String judgeAlias() {
        return settings.valueOrDefault(MATHVERSE_JUDGE).orElseThrow();
    }

    public BadRowPolicy badRows() {
        return BadRowPolicy.parse(settings.choice(ON_BAD_ROW));
    }

    private <T> T parse(String key, Function<String, T> parser, T fallback) {
        Optional<String> value = settings.valueOrDefault(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return parser.apply(value.get());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key + ": " + e.getMessage());
        }
    }

    private Set<String> list(String key) {
        return settings.get(key).map(v -> Arrays.stream(v.split(","))
                        .map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElseGet(LinkedHashSet::new);
    }
}
