package dev.interfeedback.junit;

import dev.interfeedback.bench.BenchmarkRunner;
import dev.interfeedback.bench.shard.Shard;
import dev.interfeedback.config.ConfigurationException;
import dev.interfeedback.config.MatrixCells;
import dev.interfeedback.config.RunIdentity;
import dev.interfeedback.config.ShardSetting;
import dev.interfeedback.config.DatasetSettings;
import dev.interfeedback.config.Prices;
import dev.interfeedback.config.RunnerFactory;
import dev.interfeedback.config.Settings;
import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.DatasetException;
import dev.interfeedback.dataset.DatasetLoad;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
 * @param cells the matrix's cells; one for a plain benchmark, whose settings then are the cell's
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
        RuntimeException problem,
        List<MatrixCells.Cell> cells) {

    static BenchmarkDefinition read(Class<?> type, ConfigurationParameters parameters,
            Function<String, String> environment) {
        InterFeedbackBenchmark annotation = type.getAnnotation(InterFeedbackBenchmark.class);
        String id = annotation.id().isBlank() ? type.getSimpleName() : annotation.id().trim();
        List<MatrixCells.Cell> cells = List.of(new MatrixCells.Cell(null, null, null));
        RuntimeException matrixProblem = null;
        try {
            cells = Matrix.cells(parameters, annotation);
        } catch (ConfigurationException e) {
            matrixProblem = new ConfigurationException("benchmark " + id + " (" + type.getName() + "): " + e.getMessage(), e);
        }
        // A matrix reads its dataset once; its first cell stands for it until the cells are made.
        Settings settings = BenchmarkSettings.of(parameters, annotation, cells.get(0).overrides());
        Path file = settings.resolve(annotation.dataset());

        Dataset whole = null;
        Dataset dataset = null;
        String summary = "";
        Map<String, Integer> lines = Map.of();
        RuntimeException problem = matrixProblem;
        if (problem == null) try {
            settings.validate(parameters.keySet(), "the JUnit configuration parameters (junit-platform.properties,"
                    + " -D system properties, the plugin's configurationParameters)");
            // The same loading as the command line: format, publisher options and subset from interfeedback.dataset.*
            DatasetLoad load = new DatasetSettings(settings).load(file);
            Shard shard = ShardSetting.of(settings, environment).orElse(Shard.ALL);
            // Discovery and the run read each sample many times: once from the file is enough.
            whole = load.dataset().inMemory();
            dataset = shard.apply(id, whole);
            summary = load.summary() + (shard.sharded() ? "; shard " + shard + ": " + dataset.size() + " of them" : "");
            lines = lines(load.dataset(), whole);
        } catch (DatasetException | ConfigurationException e) {
            problem = new ConfigurationException("benchmark " + id + " (" + type.getName() + "): " + e.getMessage()
                    + " (relative dataset paths are relative to " + settings.resolve("").toAbsolutePath()
                    + "; set " + Settings.BASE_DIR + " to change that)", e);
        }
        if (problem == null) problem = tagProblem(id, type, annotation).orElse(null);
        // Each cell of a matrix checks its own models and has its own identity.
        String identity = null;
        if (problem == null && cells.size() == 1) {
            try {
                identity = checked(id, type, settings, environment, whole);
            } catch (ConfigurationException e) {
                problem = e;
            }
        }
        return new BenchmarkDefinition(type, id, settings, file, dataset, whole, identity, summary, lines, problem, cells);
    }

    /** Each sample's line in a JSONL dataset, by id (IDEs link a test to it); empty for other formats. */
    private static Map<String, Integer> lines(Dataset loaded, Dataset samples) {
        Map<String, Integer> lines = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            OptionalInt line = loaded.line(i);
            if (line.isPresent()) lines.put(samples.samples().get(i).id(), line.getAsInt());
        }
        return lines;
    }

    /**
     * Whether the benchmark is a matrix of more than one cell, each a container of its own. A
     * matrix that cannot run (a bad list, an unreadable dataset) stays one container that fails.
     */
    boolean isMatrix() {
        return cells.size() > 1 && problem == null;
    }

    /** A cell's unique-id segment: {@code <receiver>,<provider>,<feedback>}. */
    String cellKey() {
        return MatrixCells.key(settings);
    }

    /**
     * One cell of this matrix: the same dataset, the cell's receiver, provider and feedback kind,
     * and the id {@code <id>[<receiver>,<provider>,<feedback>]}. On a shard, the cell runs the
     * samples whose ids hash to the shard under the cell's own id, as the merge checks.
     */
    BenchmarkDefinition cell(MatrixCells.Cell cell, ConfigurationParameters parameters, Function<String, String> environment) {
        Settings cellSettings = BenchmarkSettings.of(parameters, type.getAnnotation(InterFeedbackBenchmark.class),
                cell.overrides());
        String cellId = MatrixCells.id(id, cellSettings);
        Dataset cellDataset = dataset;
        String cellIdentity = null;
        RuntimeException cellProblem = null;
        try {
            Shard shard = ShardSetting.of(cellSettings, environment).orElse(Shard.ALL);
            cellDataset = shard.apply(cellId, whole);
            cellIdentity = checked(cellId, type, cellSettings, environment, whole);
        } catch (ConfigurationException e) {
            cellProblem = e;
        }
        return new BenchmarkDefinition(type, cellId, cellSettings, datasetFile, cellDataset, whole, cellIdentity,
                datasetSummary, lines, cellProblem, List.of(cell));
    }

    /**
     * Builds the models once without calling them, so an unknown alias or a missing API-key
     * variable is found before any sample runs, with the message the core gives.
     *
     * @return what identifies a run of the whole dataset (see {@link BenchmarkRunner#journalKey})
     */
    private static String checked(String id, Class<?> type, Settings settings, Function<String, String> environment,
            Dataset whole) {
        try {
            BenchmarkRunner runner = RunnerFactory.create(settings, environment);
            Prices.from(settings, List.of(settings.receiverAlias(), settings.providerAlias()));
            return runner.journalKey(id, whole, RunIdentity.run(settings, whole));
        } catch (ConfigurationException | IllegalArgumentException e) {
            throw new ConfigurationException("benchmark " + id + " (" + type.getName() + "): " + e.getMessage(), e);
        }
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
                problem, cells);
    }

    String[] tags() {
        return type.getAnnotation(InterFeedbackBenchmark.class).tags();
    }
}
