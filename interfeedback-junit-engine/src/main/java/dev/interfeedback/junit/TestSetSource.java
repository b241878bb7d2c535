package dev.interfeedback.junit;

import dev.interfeedback.bench.BenchmarkRunner;
import dev.interfeedback.bench.TestSet;
import dev.interfeedback.config.DatasetSettings;
import dev.interfeedback.config.Settings;
import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.RoundZero;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test set of a benchmark run. A full run asks both models for every sample and stores the
 * answers; a partial run (samples selected by unique id) reuses stored answers of the same models
 * and asks only for the samples it has none for.
 */
final class TestSetSource {

    /** @param reused how many samples' round-0 answers came from the store */
    record Built(TestSet testSet, int reused) {}

    private final RoundZeroStore store;
    private final BenchmarkDefinition definition;

    TestSetSource(RoundZeroStore store, BenchmarkDefinition definition) {
        this.store = store;
        this.definition = definition;
    }

    Built testSet(BenchmarkRunner runner, List<Sample> samples, boolean wholeDataset)
            throws InterruptedException, IOException {
        Settings settings = definition.settings();
        String receiverKey = modelKey(settings, settings.receiverAlias());
        String providerKey = modelKey(settings, settings.providerAlias());
        Map<String, RoundZero> receiver = new LinkedHashMap<>(), provider = new LinkedHashMap<>();
        if (!wholeDataset) {
            Map<String, RoundZero[]> stored = store.load(definition.id(), receiverKey, providerKey);
            for (Sample sample : samples) {
                RoundZero[] answers = stored.get(sample.id());
                if (answers == null) continue;
                receiver.put(sample.id(), answers[0]);
                provider.put(sample.id(), answers[1]);
            }
        }
        int reused = receiver.size();
        List<Sample> missing = samples.stream().filter(s -> !receiver.containsKey(s.id())).toList();
        if (!missing.isEmpty()) {
            Dataset dataset = definition.dataset();
            TestSet fresh = runner.buildTestSet(new Dataset(dataset.name(), dataset.source(), missing));
            receiver.putAll(fresh.receiver());
            provider.putAll(fresh.provider());
            store.save(definition.id(), receiverKey, providerKey, fresh.receiver(), fresh.provider());
        }
        return new Built(new TestSet(receiver, provider), reused);
    }

    /** What decides a model's round-0 answers and their verdicts: its sampling, the prompts, the scoring. */
    private static final List<String> MODEL_FIELDS = List.of("url", "name", "temperature", "seed", "max-tokens");
    private static final List<String> DATASET_KEYS = List.of(DatasetSettings.FORMAT, DatasetSettings.MMMU_PRO_CONFIG,
            DatasetSettings.MMMU_PRO_MODE, DatasetSettings.MMMU_PRO_MULTI_IMAGE, DatasetSettings.MATHVERSE_PROMPT,
            DatasetSettings.MATHVERSE_SCORING, DatasetSettings.MATHVERSE_JUDGE);

    /**
     * Which answers may be reused: a digest of the alias, its model settings and the settings that
     * shape prompts and scoring, never the URL itself (it may carry a key).
     */
    static String modelKey(Settings settings, String alias) {
        StringBuilder identity = new StringBuilder(alias);
        for (String field : MODEL_FIELDS) identity.append('\n').append(settings.get(Settings.modelKey(alias, field)).orElse(""));
        for (String key : DATASET_KEYS) identity.append('\n').append(settings.get(key).orElse(""));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
