package dev.interfeedback.junit;

import dev.interfeedback.bench.BenchmarkRunner;
import dev.interfeedback.bench.RunJournal;
import dev.interfeedback.bench.TestSet;
import dev.interfeedback.config.RunIdentity;
import dev.interfeedback.config.Settings;
import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.RoundZero;
import java.io.IOException;
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

    /**
     * @param journal the run's journal: round-0 answers it holds are reused, new ones are
     *     journaled as they come
     */
    Built testSet(BenchmarkRunner runner, List<Sample> samples, boolean wholeDataset, RunJournal journal)
            throws InterruptedException, IOException {
        Settings settings = definition.settings();
        String receiverKey = RunIdentity.model(settings, settings.receiverAlias());
        String providerKey = RunIdentity.model(settings, settings.providerAlias());
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
            TestSet fresh = runner.buildTestSet(new Dataset(dataset.name(), dataset.source(), missing), journal);
            receiver.putAll(fresh.receiver());
            provider.putAll(fresh.provider());
            store.save(definition.id(), receiverKey, providerKey, fresh.receiver(), fresh.provider());
        }
        return new Built(new TestSet(receiver, provider), reused);
    }
}
