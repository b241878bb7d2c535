package dev.interfeedback.config;

import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.prompt.PromptTemplate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * Digests of what decides a run's answers, so that stored answers (the round-0 store, a run's
 * journal) are reused only by a run that would have produced the same ones. Digests, because a
 * URL may carry credentials.
 */
public final class RunIdentity {

    /** What decides a model's answers and their verdicts: its endpoint and sampling, the prompts, the scoring. */
    private static final List<String> MODEL_FIELDS = List.of("url", "name", "temperature", "seed", "max-tokens");
    private static final List<String> DATASET_KEYS = List.of(DatasetSettings.FORMAT, DatasetSettings.MMMU_PRO_CONFIG,
            DatasetSettings.MMMU_PRO_MODE, DatasetSettings.MMMU_PRO_MULTI_IMAGE, DatasetSettings.MATHVERSE_PROMPT,
            DatasetSettings.MATHVERSE_SCORING, DatasetSettings.MATHVERSE_JUDGE);

    private RunIdentity() {}

    /** A digest of the alias, its model settings, and the settings that shape prompts and scoring. */
    public static String model(Settings settings, String alias) {
        StringBuilder identity = new StringBuilder(alias);
        for (String field : MODEL_FIELDS) identity.append('\n').append(settings.get(Settings.modelKey(alias, field)).orElse(""));
        // Only another API than the default counts, so that the identities of existing runs stay as they were.
        String api = settings.choice(Settings.modelKey(alias, ModelFactory.API));
        if (!api.equals("openai")) identity.append("\napi=").append(api);
        // The prompts shape every answer: a changed template is another run, and its answers another model's.
        for (PromptTemplate template : settings.prompts().templates()) {
            identity.append("\nprompt ").append(template.name().id()).append('=').append(template.digest());
        }
        for (String key : DATASET_KEYS) identity.append('\n').append(settings.get(key).orElse(""));
        return sha256(identity.toString());
    }

    /**
     * A digest of every model a run calls (receiver, provider, and judge when one scores) and of
     * the dataset's samples as loaded: questions, options, answers, categories, metadata (which
     * holds publishers' prompts) and image paths relative to the dataset, so that a moved checkout
     * still resumes. Image files count by their paths, not their bytes: reading every image
     * would cost a run start more than a journal saves.
     */
    public static String run(Settings settings, Dataset dataset) {
        // Fed to the digest sample by sample: the dataset may be read on demand, and a run of many
        // samples should not hold the text of them all at once.
        MessageDigest digest = sha256();
        StringBuilder identity = new StringBuilder();
        for (String alias : RunnerFactory.aliases(settings)) identity.append(model(settings, alias)).append('\n');
        Path folder = dataset.source() == null ? null : dataset.source().toAbsolutePath().getParent();
        for (Sample sample : dataset.samples()) {
            identity.append(sample.id()).append('\u0000').append(sample.question()).append('\u0000')
                    .append(sample.answer()).append('\u0000').append(sample.category()).append('\u0000')
                    // Sorted: a Map.copyOf iterates in an order that changes from one JVM to the next.
                    .append(new TreeMap<>(sample.metadata()));
            for (String option : sample.options()) identity.append('\u0000').append(option);
            for (Path image : sample.images()) identity.append('\u0000').append(relative(folder, image));
            identity.append('\n');
            digest.update(identity.toString().getBytes(StandardCharsets.UTF_8));
            identity.setLength(0);
        }
        digest.update(identity.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Path relative(Path folder, Path image) {
        return folder != null && image.isAbsolute() && image.startsWith(folder) ? folder.relativize(image) : image;
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
