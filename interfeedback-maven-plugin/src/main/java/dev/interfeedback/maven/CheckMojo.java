package dev.interfeedback.maven;

import dev.interfeedback.maven.baseline.Baseline;
import dev.interfeedback.maven.baseline.Comparison;
import dev.interfeedback.maven.baseline.RegressionCheck;
import dev.interfeedback.maven.results.BenchmarkSummary;
import dev.interfeedback.maven.results.EpisodesFile;
import dev.interfeedback.maven.results.OneRun;
import dev.interfeedback.maven.results.ResultsFile;
import dev.interfeedback.maven.results.RunResults;
import dev.interfeedback.maven.rules.Ratio;
import dev.interfeedback.maven.rules.RuleChecker;
import dev.interfeedback.maven.rules.LimitOutcome;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Gates the build on the results of {@code interfeedback:evaluate}: jacoco-style rules with limits
 * on correction rate, accuracy and error rate, and a paired comparison with a committed baseline.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class CheckMojo extends AbstractMojo {

    /** For the HTML report, written with the engine of its test classpath. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** Where the evaluate goal wrote its files; the same property moves both goals' files. */
    @Parameter(property = "interfeedback.output.dir", defaultValue = "${project.build.directory}/interfeedback")
    private File outputDirectory;

    /** The results of the evaluate goal; by default {@code results.json} in the output directory. */
    @Parameter(property = "interfeedback.results")
    private File resultsFile;

    /**
     * The episodes of the evaluate goal, checked against the results (they must be of one run) and
     * compared with the baseline; by default {@code episodes.jsonl} in the output directory.
     */
    @Parameter(property = "interfeedback.episodes")
    private File episodesFile;

    /** The rules to check; see {@link Rule}. */
    @Parameter
    private List<Rule> rules = new ArrayList<>();

    /** Whether an unmet rule or a regression fails the build; when false, they are warnings. */
    @Parameter(property = "interfeedback.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure;

    /** The committed baseline of per-sample verdicts; no comparison when not set. */
    @Parameter(property = "interfeedback.baseline")
    private File baseline;

    /** Writes the baseline from this run instead of comparing with it. Only ever on request. */
    @Parameter(property = "interfeedback.baseline.update", defaultValue = "false")
    private boolean updateBaseline;

    /** The largest drop in pass rate against the baseline that is never a regression: 0.02 or 2%. */
    @Parameter(property = "interfeedback.regression.tolerance", defaultValue = "2%")
    private String regressionTolerance;

    /** The p-value (McNemar's exact test) under which a drop beyond the tolerance is a regression. */
    @Parameter(property = "interfeedback.regression.significance", defaultValue = "0.05")
    private double significance;

    @Parameter(property = "interfeedback.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("InterFeedback check skipped");
            return;
        }
        RuleChecker checker;
        RegressionCheck regressionCheck;
        try {
            checker = new RuleChecker(rules);
            regressionCheck = new RegressionCheck(Ratio.parse(regressionTolerance, "regressionTolerance"), significance);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid interfeedback:check configuration: " + e.getMessage(), e);
        }
        Path results = resultsFile != null ? resultsFile.toPath() : outputDirectory.toPath().resolve("results.json");
        Path episodes = episodesFile != null ? episodesFile.toPath() : outputDirectory.toPath().resolve("episodes.jsonl");
        if (!Files.exists(results) && Files.exists(episodes)) {
            throw new MojoExecutionException(results + " does not exist beside " + episodes + ": the last run of"
                    + " interfeedback:evaluate did not finish (it failed or was killed); run it again");
        }
        Path manifest = results.toAbsolutePath().resolveSibling("shard.json");
        if (Files.exists(manifest)) {
            // A shard's figures are a part of the run's: a bar met (or missed) on them says nothing.
            throw new MojoExecutionException(results + " holds the results of one shard only (see " + manifest
                    + "): run interfeedback:merge over every shard's output directory and check the merged results");
        }
        RunResults run = read(() -> ResultsFile.read(results));
        EpisodesFile episodesOfRun = read(() -> EpisodesFile.read(episodes));
        read(() -> {
            OneRun.check(results, run, episodesOfRun);
            return null;
        });
        List<BenchmarkSummary> summaries = run.benchmarks();
        List<String> failures = new ArrayList<>();
        CheckVerdict verdict = new CheckVerdict(run.runId(), haltOnFailure);
        List<LimitOutcome> outcomes;
        try {
            outcomes = checker.evaluate(summaries, warning -> {
                getLog().warn(warning);
                verdict.warning(warning);
            });
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid interfeedback:check configuration: " + e.getMessage(), e);
        }
        verdict.limits(outcomes);
        for (LimitOutcome outcome : outcomes) {
            if (!outcome.met()) failures.add("Rule violated for " + outcome.violation().message());
        }
        if (baseline != null) {
            failures.addAll(compareWithBaseline(regressionCheck, episodesOfRun.statuses(), verdict));
        } else if (updateBaseline) {
            getLog().warn("interfeedback.baseline.update=true, but no <baseline> file is configured: nothing written");
        }
        report(results.toAbsolutePath().getParent(), verdict, failures);

        if (failures.isEmpty()) {
            getLog().info("InterFeedback check passed: " + rules.size() + (rules.size() == 1 ? " rule" : " rules")
                    + (baseline != null && !updateBaseline ? " and the baseline comparison" : "") + " on "
                    + summaries.size() + (summaries.size() == 1 ? " benchmark" : " benchmarks"));
            return;
        }
        String summary = "InterFeedback check failed: " + failures.size()
                + (failures.size() == 1 ? " violation" : " violations") + " (see the lines above)";
        if (haltOnFailure) {
            failures.forEach(getLog()::error);
            throw new MojoFailureException(summary + "\n" + String.join("\n", failures));
        }
        failures.forEach(getLog()::warn);
        getLog().warn(summary + "; haltOnFailure is false, so the build goes on");
    }

    /**
     * Saves the verdict beside the results and rebuilds the HTML report with it, so the page shows
     * the gate. A report that cannot be written is a warning: the gate's verdict stands.
     */
    private void report(Path dir, CheckVerdict verdict, List<String> failures) throws MojoExecutionException {
        try {
            verdict.write(dir, failures);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + dir.resolve(CheckVerdict.FILE) + ": " + e.getMessage(), e);
        }
        try {
            getLog().info("Report: " + ProjectReport.write(project, dir.toFile(), null));
        } catch (MojoExecutionException e) {
            getLog().warn(e.getMessage());
        }
    }

    private List<String> compareWithBaseline(RegressionCheck check, Map<String, Map<String, String>> current,
            CheckVerdict verdict) throws MojoExecutionException {
        Path file = baseline.toPath();
        verdict.baseline(file, updateBaseline);
        if (updateBaseline) {
            Baseline accepted = new Baseline(current);
            read(() -> {
                accepted.write(file);
                return null;
            });
            getLog().warn("Baseline written to " + file + " (" + accepted.sampleCount() + " samples in "
                    + current.size() + " benchmarks) because interfeedback.baseline.update=true; review and commit it");
            return List.of();
        }
        if (!Files.exists(file)) {
            throw new MojoExecutionException("Baseline " + file + " does not exist. Create it from an accepted run with"
                    + " -Dinterfeedback.baseline.update=true and commit it; it is never created silently.");
        }
        Baseline accepted = read(() -> Baseline.read(file));
        List<String> regressions = new ArrayList<>();
        for (String gone : check.notRun(accepted, current)) {
            verdict.notRun(gone);
            regressions.add("Benchmark " + gone + " is in baseline " + file.getFileName() + " but did not run, so it is"
                    + " not compared; run it, or update the baseline if it was removed on purpose");
        }
        for (Comparison comparison : check.compare(accepted, current, getLog()::info)) {
            verdict.compared(comparison, check.regressed(comparison));
            if (check.regressed(comparison)) {
                regressions.add("Regression in benchmark " + comparison.benchmark() + " against baseline " + file.getFileName()
                        + ": " + comparison.describe() + "; newly failing (" + comparison.newlyFailing().size() + "): "
                        + names(comparison.newlyFailing()) + "; newly passing (" + comparison.newlyPassing().size() + ")"
                        + (comparison.newlyPassing().isEmpty() ? "" : ": " + names(comparison.newlyPassing())));
            } else {
                getLog().info("Benchmark " + comparison.benchmark() + " against baseline: " + comparison.describe()
                        + (comparison.newlyFailing().isEmpty() ? "" : "; newly failing: " + names(comparison.newlyFailing())));
            }
        }
        return regressions;
    }

    /** Names of samples, the first twenty of them, so one line stays readable. */
    private static String names(List<String> samples) {
        int shown = Math.min(samples.size(), 20);
        String list = String.join(", ", samples.subList(0, shown));
        return samples.size() > shown ? list + ", ... and " + (samples.size() - shown) + " more" : list;
    }

    private interface Reading<T> {
        T read() throws IOException;
    }

    private static <T> T read(Reading<T> reading) throws MojoExecutionException {
        try {
            return reading.read();
        } catch (NoSuchFileException e) {
            throw new MojoExecutionException(e.getFile() + " does not exist: " + e.getReason(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
