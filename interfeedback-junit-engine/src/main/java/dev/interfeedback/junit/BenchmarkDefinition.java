package dev.interfeedback.junit;

import dev.interfeedback.bench.BenchmarkRunner;
import dev.interfeedback.bench.shard.Shard;
import dev.interfeedback.config.ConfigurationException;
import dev.interfeedback.config.RunIdentity;
import dev.interfeedback.config.ShardSetting;
import dev.interfeedback.config.DatasetSettings;
import dev.interfeedback.config.Prices;
import dev.interfeedback.config.RunnerFactory;
import dev.interfeedback.config.Settings;
import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.DatasetException;
import dev.interfeedback.dataset.DatasetLoad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * What discovery knows of one benchmark class: its settings, its dataset's samples, and what is
 * wrong with either. Reading it calls no model.
 *
 * @param dataset the samples this run runs: the loaded dataset (narrowed by {@code interfeedback.dataset.*}) and
 *     then to this machine's shard; null when it cannot be read
 * @param whole the loaded dataset before sharding, or null when it cannot be read
 * @param identity what identifies a run of the whole dataset (see {@link BenchmarkRunner#journalKey}), which
 *     every shard of a run shares; null when the benchmark cannot run
 * @param datasetSummary how many samples loaded, and how many were skipped or excluded
 * @param lines the line of each sample id in the dataset file, for sources an IDE can open
 * @param problem why the benchmark cannot run (a bad setting or an unreadable dataset), or null
 */
record BenchmarkDefinition(
        Class<?> type,
        String id,
        Settings settings,
        Path datasetFile,
        Dataset dataset,
        Dataset whole,
        String identity,
        String datasetSummary,
        Map<String, Integer> lines,
        RuntimeException problem) {

    static BenchmarkDefinition read(Class<?> type, ConfigurationParameters parameters,
            Function<String, String> environment) {
        InterFeedbackBenchmark annotation = type.getAnnotation(InterFeedbackBenchmark.class);
        String id = annotation.id().isBlank() ? type.getSimpleName() : annotation.id().trim();
        Settings settings = BenchmarkSettings.of(parameters, annotation);
        Path file = settings.resolve(annotation.dataset());

        Dataset whole = null;
        Dataset dataset = null;
        String summary = "";
        Map<String, Integer> lines = Map.of();
        RuntimeException problem = null;
        try {
            settings.validate(parameters.keySet(), "the JUnit configuration parameters (junit-platform.properties,"
                    + " -D system properties, the plugin's configurationParameters)");
            // The same loading as the command line: format, publisher options and subset from interfeedback.dataset.*
            DatasetLoad load = new DatasetSettings(settings).load(file);
            Shard shard = ShardSetting.of(settings, environment).orElse(Shard.ALL);
            whole = load.dataset();
            dataset = shard.apply(id, whole);
            summary = load.summary() + (shard.sharded() ? "; shard " + shard + ": " + dataset.size() + " of them" : "");
            if (Files.isRegularFile(file) && file.toString().endsWith(".jsonl")) lines = DatasetLines.of(file);
        } catch (DatasetException | ConfigurationException e) {
            problem = new ConfigurationException("benchmark " + id + " (" + type.getName() + "): " + e.getMessage()
                    + " (relative dataset paths are relative to " + settings.resolve("").toAbsolutePath()
                    + "; set " + Settings.BASE_DIR + " to change that)", e);
        }
        if (problem == null) problem = tagProblem(id, type, annotation).orElse(null);
        String identity = null;
        if (problem == null) {
            // Builds the models once without calling them, so an unknown alias or a missing API-key
            // variable is found before any sample runs, with the message the core gives.
            try {
                BenchmarkRunner runner = RunnerFactory.create(settings, environment);
                Prices.from(settings, List.of(settings.receiverAlias(), settings.providerAlias()));
                identity = runner.journalKey(id, whole, RunIdentity.run(settings, whole));
            } catch (ConfigurationException | IllegalArgumentException e) {
                problem = new ConfigurationException("benchmark " + id + " (" + type.getName() + "): " + e.getMessage(), e);
            }
        }
        return new BenchmarkDefinition(type, id, settings, file, dataset, whole, identity, summary, lines, problem);
    }

    private static Optional<RuntimeException> tagProblem(String id, Class<?> type, InterFeedbackBenchmark annotation) {
        for (String tag : annotation.tags()) {
            if (!org.junit.platform.engine.TestTag.isValid(tag)) {
                return Optional.of(new ConfigurationException("benchmark " + id + " (" + type.getName() + "): tag \""
                        + tag + "\" is not a valid JUnit tag (no blanks, ISO control characters or any of , ( ) & | !)"));
            }
        }
        return Optional.empty();
    }

    /** The same benchmark with a problem that only the run as a whole can see. */
    BenchmarkDefinition withProblem(RuntimeException problem) {
        return new BenchmarkDefinition(type, id, settings, datasetFile, dataset, whole, identity, datasetSummary, lines,
                problem);
    }

    String[] tags() {
        return type.getAnnotation(InterFeedbackBenchmark.class).tags();
    }
}
