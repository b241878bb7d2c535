package dev.interfeedback.cli;

import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.BenchmarkRunner;
import dev.interfeedback.config.ConfigurationException;
import dev.interfeedback.config.DatasetSettings;
import dev.interfeedback.config.RunnerFactory;
import dev.interfeedback.config.Settings;
import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.DatasetException;
import dev.interfeedback.dataset.DatasetLoad;
import dev.interfeedback.episode.RoundListener;
import dev.interfeedback.report.EpisodesJsonl;
import dev.interfeedback.report.ResultsJson;
import dev.interfeedback.report.SummaryTable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Runs benchmarks from the command line:
 * {@code InterFeedbackCli [settings.properties ...] [interfeedback.key=value ...]}.
 *
 * <p>Settings are the same {@code interfeedback.*} keys the JUnit engine reads; later sources win:
 * properties files in order, then {@code -D} system properties, then {@code key=value} arguments.
 * {@code interfeedback.dataset} lists one or more JSONL datasets, separated by commas; each is one
 * benchmark. Relative paths in a properties file are relative to that file, so a project's settings
 * work from any working directory; elsewhere they are relative to the working directory.
 */
public final class InterFeedbackCli {

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

    /** @return the process exit code: 0 done, 2 bad configuration or data, 1 an I/O failure */
    public int run(String[] args) {
        try {
            Settings settings = new Settings(settings(args));
            BenchmarkRunner runner = RunnerFactory.create(settings, environment);

            List<Dataset> datasets = new ArrayList<>();
            DatasetSettings datasetSettings = new DatasetSettings(settings);
            for (String path : settings.require(Settings.DATASET,
                    "one or more datasets (JSONL, MMMU-Pro parquet or MathVerse JSON), separated by commas").split(",")) {
                DatasetLoad load = datasetSettings.load(Path.of(path.trim()));
                out.println(load.summary());
                datasets.add(load.dataset());
            }
            Path outputDir = settings.outputDir();
            List<BenchmarkResult> results = new ArrayList<>();
            try (EpisodesJsonl episodes = EpisodesJsonl.create(outputDir.resolve("episodes.jsonl"))) {
                for (Dataset dataset : datasets) {
                    String id = dataset.name();
                    BenchmarkResult result = runner.run(id, dataset, RoundListener.NONE, e -> episodes.append(id, e));
                    results.add(result);
                    out.println(SummaryTable.render(result));
                }
            }
            new ResultsJson().write(results, outputDir.resolve("results.json"));
            out.println("Results written to " + outputDir.resolve("results.json") + " and "
                    + outputDir.resolve("episodes.jsonl"));
            return 0;
        } catch (ConfigurationException | DatasetException e) {
            err.println("interfeedback: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("interfeedback: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interfeedback: interrupted");
            return 1;
        }
    }

    private static Function<String, Optional<String>> settings(String[] args) throws IOException {
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
                properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
                resolvePaths(values, file.toAbsolutePath().getParent());
            }
        }
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith(Settings.PREFIX))
                .forEach(k -> values.put(k, System.getProperty(k)));
        for (String override : overrides) {
            int eq = override.indexOf('=');
            values.put(override.substring(0, eq).trim(), override.substring(eq + 1));
        }
        return key -> Optional.ofNullable(values.get(key));
    }

    private static void resolvePaths(Map<String, String> values, Path base) {
        values.computeIfPresent(Settings.DATASET, (k, v) -> String.join(",",
                java.util.Arrays.stream(v.split(",")).map(p -> base.resolve(p.trim()).normalize().toString()).toList()));
        values.computeIfPresent(Settings.OUTPUT_DIR, (k, v) -> base.resolve(v.trim()).normalize().toString());
    }
}
