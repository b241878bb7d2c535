package dev.interfeedback.junit;

import dev.interfeedback.bench.BenchmarkRunner;
import dev.interfeedback.bench.TestSet;
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

    /** Which model answered: a digest of alias, URL and model name, never the URL itself. */
    static String modelKey(Settings settings, String alias) {
        String identity = alias + "\n" + settings.get(Settings.modelKey(alias, "url")).orElse("") + "\n"
                + settings.get(Settings.modelKey(alias, "name")).orElse("");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
