package dev.interfeedback.cli;

import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.BenchmarkRunner;
import dev.interfeedback.bench.EpisodeTotals;
import dev.interfeedback.bench.RunJournal;
import dev.interfeedback.bench.SharedRoundZero;
import dev.interfeedback.config.MatrixCells;
import dev.interfeedback.bench.shard.Shard;
import dev.interfeedback.bench.shard.ShardManifest;
import dev.interfeedback.model.batch.BatchFileException;
import dev.interfeedback.model.batch.BatchFilesPending;
import dev.interfeedback.model.batch.BatchSession;
import dev.interfeedback.config.ShardSetting;
import dev.interfeedback.config.Prices;
import dev.interfeedback.report.PriceTable;
import dev.interfeedback.report.ProgressReporter;
import dev.interfeedback.bench.Counts;
import dev.interfeedback.config.ConfigurationException;
import dev.interfeedback.config.KeyCatalog;
import dev.interfeedback.config.DatasetSettings;
import dev.interfeedback.config.HumanSettings;
import dev.interfeedback.human.HumanPages;
import dev.interfeedback.config.RunIdentity;
import dev.interfeedback.config.RunnerFactory;
import dev.interfeedback.config.Settings;
import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.DatasetException;
import dev.interfeedback.dataset.DatasetLoad;
import dev.interfeedback.episode.RoundListener;
import dev.interfeedback.model.resilience.CallStats;
import dev.interfeedback.model.resilience.ResponseCache;
import dev.interfeedback.report.EpisodesJsonl;
import dev.interfeedback.report.ResultsJson;
import dev.interfeedback.report.RunFiles;
import dev.interfeedback.report.SummaryTable;
import dev.interfeedback.report.html.HtmlReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Runs benchmarks from the command line:
 * {@code InterFeedbackCli [human] [settings.properties ...] [interfeedback.key=value ...]}, or merges the
 * outputs of a sharded run: {@code InterFeedbackCli merge --into DIR SHARD_DIR ...} (see {@link MergeCommand}).
 *
 * <p>Settings are the same {@code interfeedback.*} keys the JUnit engine reads; later sources win:
 * properties files in order, then {@code -D} system properties, then {@code key=value} arguments.
 * {@code interfeedback.dataset} lists one or more JSONL datasets, separated by commas; each is one
 * benchmark, or a matrix of benchmarks when {@code interfeedback.receivers}, {@code .providers} or
 * {@code .feedbacks} name several (see {@link MatrixCells}). Relative paths are relative to
 * {@code interfeedback.basedir}: unless set, the folder of the first properties file, so a
 * project's settings work from any working directory, else the working directory.
 */
public final class InterFeedbackCli {

    /** The first argument that makes a run a human session. */
    public static final String HUMAN = "human";

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> environment;

    public InterFeedbackCli(PrintStream out, PrintStream err, Function<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        int exit = new InterFeedbackCli(System.out, System.err, System::getenv).run(args);
        if (exit != 0) System.exit(exit);
    }

    /**
     * @return the process exit code: 0 done, 2 bad configuration or data, 1 an I/O failure, 3 a
     *     benchmark with more errors (failed calls) than {@code interfeedback.max-error-rate} allows,
     *     4 a wave's batch files written in file mode, waiting to be answered before the next run
     */
    public int run(String[] args) {
        if (args.length > 0 && args[0].equals(MergeCommand.NAME)) {
            return new MergeCommand(out, err).run(List.of(args).subList(1, args.length));
        }
        try {
            Map<String, String> values = settings(humanSession(args));
            Settings settings = new Settings(key -> Optional.ofNullable(values.get(key)));
            Path outputDir = settings.outputDir();
            // Before anything else can fail: a failed run leaves no results, never the last run's.
            RunFiles.clearPrevious(outputDir);
            settings.validate(values.keySet(), "the settings");
            String runId = RunFiles.newRunId();
            Optional<Shard> shard = ShardSetting.of(settings, environment);
            CallStats stats = new CallStats();

            List<Dataset> datasets = new ArrayList<>();
            DatasetSettings datasetSettings = new DatasetSettings(settings);
            for (String path : settings.require(Settings.DATASET,
                    "one or more datasets (JSONL, MMMU-Pro parquet or MathVerse JSON), separated by commas").split(",")) {
                DatasetLoad load = datasetSettings.load(settings.resolve(path.trim()));
                out.println(load.summary());
                datasets.add(load.dataset());
            }
            List<String> ids = BenchmarkIds.of(datasets);
            List<Job> jobs = jobs(settings, values, ids, datasets, stats);
            ShardManifest manifest = shard.isPresent() ? ShardManifest.start(outputDir, runId, shard.get()) : null;
            for (int i = 0; manifest != null && i < jobs.size(); i++) {
                Job job = jobs.get(i);
                Dataset mine = shard.get().apply(job.id(), job.dataset());
                manifest.planned(job.id(), job.runner().journalKey(job.id(), job.dataset(), RunIdentity.run(job.settings(), job.dataset())),
                        job.dataset(), mine.samples());
                out.println("Shard " + shard.get() + " of " + job.id() + ": " + mine.size() + " of " + job.dataset().size() + " samples");
                jobs.set(i, job.on(mine));
            }
            Set<String> aliases = new LinkedHashSet<>();
            for (Job job : jobs) aliases.addAll(RunnerFactory.aliases(job.settings()));
            PriceTable prices = Prices.from(settings, List.copyOf(aliases));
            List<BenchmarkResult> results = new ArrayList<>();
            Map<String, ResultsJson.Cell> cells = new HashMap<>();
            List<RunJournal> journals = new ArrayList<>();
            Duration interval = Duration.ofSeconds(settings.wholeNumber(Settings.PROGRESS_INTERVAL_SECONDS).orElseThrow());
            try (EpisodesJsonl episodes = EpisodesJsonl.create(outputDir.resolve(RunFiles.EPISODES), runId);
                    ProgressReporter progress = new ProgressReporter(out, stats, interval, System.console() != null)) {
                for (Job job : jobs) {
                    Dataset dataset = job.dataset();
                    String id = job.id();
                    BenchmarkRunner runner = job.runner();
                    RunJournal journal = RunJournal.open(RunJournal.file(outputDir, id), runner.journalKey(id, dataset,
                            RunIdentity.run(job.settings(), dataset)), settings.resume());
                    journals.add(journal);
                    journal.superseded().ifPresent(old -> err.println("interfeedback: WARNING: the dataset or settings of "
                            + id + " changed since the interrupted run: starting afresh; the old journal is kept at " + old));
                    if (journal.resumedEpisodes() > 0) {
                        out.println("Resuming " + id + ": " + journal.resumedEpisodes() + " of " + dataset.size()
                                + " samples were finished by an interrupted run");
                    }
                    runner.prefetch(id, dataset, RunJournal.file(outputDir, id), line -> progress.batches(id, line));
                    BenchmarkResult result = runner.run(id, dataset, RoundListener.NONE,
                            (sample, provider, e) -> episodes.append(id, sample, provider, e), journal, progress);
                    results.add(result);
                    if (job.cell() != null) cells.put(id, job.cell());
                    out.println(SummaryTable.render(result, prices));
                }
            }
            new ResultsJson(prices, runId, cells).write(results, outputDir.resolve(RunFiles.RESULTS));
            if (manifest != null) {
                for (BenchmarkResult result : results) manifest.finished(result, prices, cells.get(result.id()));
            }
            // Only now is every episode in results.json; until then a kill must be resumable.
            for (Job job : jobs) BatchSession.delete(RunJournal.file(outputDir, job.id()));
            for (RunJournal journal : journals) journal.delete();
            // Simulated models make no API calls, so they have nothing to count here.
            if (stats.calls() + stats.cacheHits() + stats.batchRequests() > 0) {
                out.println("Model calls: " + (stats.calls() - stats.retries() + stats.cacheHits()) + " (" + stats.cacheHits()
                        + " from the cache, " + stats.calls() + " sent, " + stats.retries() + " retries, "
                        + stats.rateLimitedResponses() + " rate-limited, " + stats.failures() + " failed)"
                        + (stats.batchRequests() == 0 ? "" : "; batch API requests: " + stats.batchRequests()
                                + " (uploads, batch creations, polls, result files)"));
            }
            out.println("Results written to " + outputDir.resolve(RunFiles.RESULTS) + " and "
                    + outputDir.resolve(RunFiles.EPISODES));
            out.println("Report: " + HtmlReport.write(outputDir).toAbsolutePath());
            return tooManyErrors(results, settings.share(Settings.MAX_ERROR_RATE)) ? 3 : 0;
        } catch (ConfigurationException | DatasetException e) {
            err.println("interfeedback: " + e.getMessage());
            return 2;
        } catch (BatchFilesPending e) {
            err.println("interfeedback: " + e.getMessage());
            return 4;
        } catch (BatchFileException e) {
            err.println("interfeedback: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("interfeedback: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interfeedback: interrupted");
            return 1;
        } finally {
            ResponseCache.closeAll();
            try {
                HumanPages.closeAll();
            } catch (IOException e) {
                err.println("interfeedback: cannot close the feedback page: " + e);
            }
        }
    }

    /**
     * One benchmark to run: a dataset, or one cell of a dataset's matrix.
     *
     * @param cell the matrix cell, or null for a plain benchmark
     */
    private record Job(String id, Dataset dataset, Settings settings, BenchmarkRunner runner, ResultsJson.Cell cell) {

        Job on(Dataset samples) {
            return new Job(id, samples, settings, runner, cell);
        }
    }

    /**
     * The benchmarks of the run: per dataset, one, or when the list keys name several receivers,
     * providers or feedback kinds, one per cell, named as the engine names them, whose runners share
     * each model's round-0 answers.
     */
    private List<Job> jobs(Settings settings, Map<String, String> values, List<String> ids, List<Dataset> datasets,
            CallStats stats) {
        List<MatrixCells.Cell> matrix = MatrixCells.of(settings);
        List<Job> jobs = new ArrayList<>();
        if (matrix.size() == 1) {
            // Plain benchmarks share one runner (and so one human-feedback page).
            Settings one = matrix.get(0).apply(key -> Optional.ofNullable(values.get(key)));
            BenchmarkRunner runner = RunnerFactory.create(one, environment, stats, UnaryOperator.identity());
            for (int i = 0; i < datasets.size(); i++) jobs.add(new Job(ids.get(i), datasets.get(i), one, runner, null));
            return jobs;
        }
        for (int i = 0; i < datasets.size(); i++) {
            SharedRoundZero shared = new SharedRoundZero();
            for (MatrixCells.Cell cell : matrix) {
                Settings cellSettings = cell.apply(key -> Optional.ofNullable(values.get(key)));
                jobs.add(new Job(MatrixCells.id(ids.get(i), cellSettings), datasets.get(i), cellSettings,
                        RunnerFactory.create(cellSettings, environment, stats, UnaryOperator.identity()).sharing(shared),
                        new ResultsJson.Cell(ids.get(i), MatrixCells.key(cellSettings))));
            }
        }
        return jobs;
    }

    /**
     * {@code human} before the settings runs a human session: the feedback is a person's, given in
     * the local page (after any recording {@code interfeedback.human.script} names).
     */
    private static String[] humanSession(String[] args) {
        if (args.length == 0 || !args[0].equals(HUMAN)) return args;
        List<String> session = new ArrayList<>(List.of(args).subList(1, args.length));
        session.add(Settings.FEEDBACK + "=human");
        session.add(HumanSettings.PAGE + "=true");
        return session.toArray(String[]::new);
    }

    /**
     * Benchmarks whose errors are a larger share of their samples than {@code maxErrorRate}, each
     * on stderr: an outage must not pass for a finished run.
     */
    private boolean tooManyErrors(List<BenchmarkResult> results, double maxErrorRate) {
        boolean tooMany = false;
        for (BenchmarkResult result : results) {
            Counts counts = result.metrics().counts();
            if (counts.samples() > 0 && counts.errors() > maxErrorRate * counts.samples()) {
                tooMany = true;
                String first = result.firstError().map(EpisodeTotals.FirstError::error).orElse("");
                err.println("interfeedback: benchmark " + result.id() + " has " + counts.errors() + " errors (failed calls) among "
                        + counts.samples() + " samples, more than " + Settings.MAX_ERROR_RATE + "="
                        + percent(maxErrorRate) + " allows; the first: " + first);
            }
        }
        return tooMany;
    }

    private static String percent(double share) {
        return BigDecimal.valueOf(share * 100).stripTrailingZeros().toPlainString() + "%";
    }

    /** Every source's keys are checked apart, so that an unknown key's message names where it was set. */
    private static Map<String, String> settings(String[] args) throws IOException {
        Map<String, String> values = new HashMap<>();
        List<String> overrides = new ArrayList<>();
        for (String arg : args) {
            if (arg.contains("=")) {
                overrides.add(arg);
            } else {
                Path file = Path.of(arg);
                if (!Files.isRegularFile(file)) {
                    throw new ConfigurationException("settings file " + file + " does not exist"
                            + " (arguments are properties files or interfeedback.key=value pairs)");
                }
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                KeyCatalog.requireKnown(properties.stringPropertyNames(), "settings file " + file);
                properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
                // Paths in a settings file are relative to it, so a project's file works from anywhere.
                values.putIfAbsent(Settings.BASE_DIR, file.toAbsolutePath().getParent().toString());
            }
        }
        Set<String> system = System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith(Settings.PREFIX)).collect(Collectors.toSet());
        KeyCatalog.requireKnown(system, "the -D system properties");
        system.forEach(k -> values.put(k, System.getProperty(k)));
        Map<String, String> arguments = new HashMap<>();
        for (String override : overrides) {
            int eq = override.indexOf('=');
            arguments.put(override.substring(0, eq).trim(), override.substring(eq + 1));
        }
        KeyCatalog.requireKnown(arguments.keySet(), "the arguments");
        values.putAll(arguments);
        return values;
    }

}
