package dev.interfeedback.maven;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import dev.interfeedback.maven.junitxml.JUnitXmlListener;
import dev.interfeedback.maven.opentestreporting.OpenTestReporting;
import dev.interfeedback.maven.opentestreporting.StreamingOpenTestReportListener;
import dev.interfeedback.maven.results.BenchmarkSummary;
import dev.interfeedback.maven.results.ResultsFile;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the project's benchmark classes through the JUnit Platform Launcher, in process, with the
 * project's test classpath, and writes results.json, episodes.jsonl, JUnit XML and Open Test
 * Reporting XML. Failing samples are the measurement, not a build failure; broken configuration is.
 */
@Mojo(name = "evaluate", defaultPhase = LifecyclePhase.INTEGRATION_TEST,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class EvaluateMojo extends AbstractMojo {

    private static final String ENGINE_ID = "interfeedback";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** Where results go; passed to the engine as {@code interfeedback.output.dir}. */
    @Parameter(property = "interfeedback.output.dir", defaultValue = "${project.build.directory}/interfeedback")
    private File outputDirectory;

    /** The compiled benchmark classes to discover. */
    @Parameter(defaultValue = "${project.build.testOutputDirectory}")
    private File classesDirectory;

    /**
     * JUnit configuration parameters, such as {@code interfeedback.model.<alias>.url}. They override
     * {@code junit-platform.properties}; {@code -Dinterfeedback.*} on the command line overrides them.
     */
    @Parameter
    private Map<String, String> configurationParameters = new LinkedHashMap<>();

    @Parameter(property = "interfeedback.skip", defaultValue = "false")
    private boolean skip;

    // Where the run's Open Test Reporting XML went, for the summary: a folder, or why there is none.
    private String openTestReportingOutput = "";

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("InterFeedback evaluate skipped");
            return;
        }
        if (!classesDirectory.isDirectory()) {
            throw new MojoExecutionException("No compiled benchmark classes in " + classesDirectory
                    + ": put classes annotated @InterFeedbackBenchmark in src/test/java");
        }
        clearPreviousRun();
        Map<String, String> parameters = parameters();
        ContainerFailures failures = new ContainerFailures();
        SampleTally samples = new SampleTally();
        StringWriter xmlErrors = new StringWriter();
        JUnitXmlListener junitXml = new JUnitXmlListener(outputDirectory.toPath().resolve("junit-xml"), new PrintWriter(xmlErrors));

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader projectLoader = new URLClassLoader(ProjectReport.testClasspath(project), getClass().getClassLoader())) {
            thread.setContextClassLoader(projectLoader);
            // The user's settings as the Launcher reads them (here, junit-platform.properties, -D),
            // then JUnit's own Open Test Reporting listener off unless it is the one that writes.
            OpenTestReporting openTestReporting = OpenTestReporting.of(request(parameters).getConfigurationParameters());
            List<TestExecutionListener> listeners = new ArrayList<>(List.of(samples, failures, junitXml));
            Optional<StreamingOpenTestReportListener> streamed = openTestReporting.configure(parameters);
            streamed.ifPresent(listeners::add);
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request(parameters), listeners.toArray(TestExecutionListener[]::new));
            openTestReportingOutput = openTestReportingOutput(openTestReporting, streamed);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot close the benchmark class loader: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // The Launcher reports critical discovery issues (a bad setting, an unknown alias) this way.
            throw new MojoExecutionException("InterFeedback benchmarks could not run: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }

        if (!failures.failures().isEmpty()) {
            failures.failures().forEach(f -> getLog().error(f));
            throw new MojoExecutionException("InterFeedback benchmarks could not run: " + failures.failures().get(0));
        }
        if (samples.samples() == 0) {
            throw new MojoExecutionException("No InterFeedback benchmarks found in " + classesDirectory
                    + ": is interfeedback-junit-engine a test dependency, and is a class annotated @InterFeedbackBenchmark?");
        }
        if (!xmlErrors.toString().isBlank()) getLog().warn("JUnit XML report: " + xmlErrors.toString().strip());
        getLog().info("InterFeedback: " + samples);
        if (samples.firstAbort() != null) {
            getLog().warn("Model calls failed; the first: " + samples.firstAbort() + " (every cause is in episodes.jsonl)");
        }
        printSummary();
    }

    /**
     * Removes the last run's results, check verdict, episodes, shard manifest, transcripts, HTML and XML reports before the benchmarks are even
     * discovered, so a run that fails on configuration leaves none for {@code check} or a CI
     * dashboard to pass on (results first, so they never outlive their episodes). The engine does
     * the same for its files when it runs; the XML reports are the goal's listeners', which a run
     * that fails before it starts would otherwise leave from the last run.
     */
    private void clearPreviousRun() throws MojoExecutionException {
        Path dir = outputDirectory.toPath();
        try {
            Files.deleteIfExists(dir.resolve("results.json"));
            Files.deleteIfExists(dir.resolve(CheckVerdict.FILE));
            Files.deleteIfExists(dir.resolve("episodes.jsonl"));
            Files.deleteIfExists(dir.resolve("shard.json"));
            for (String files : List.of("transcripts", "report", "junit-xml", "open-test-reporting")) deleteTree(dir.resolve(files));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot remove the last run's results from " + outputDirectory + ": " + e, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            // Deepest first, so every folder is empty when its turn comes.
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
        }
    }

    private void printSummary() throws MojoExecutionException {
        Path results = outputDirectory.toPath().resolve("results.json");
        List<BenchmarkSummary> summaries;
        try {
            summaries = ResultsFile.read(results).benchmarks();
        } catch (IOException e) {
            throw new MojoExecutionException("The benchmarks ran but left no readable " + results + ": " + e.getMessage(), e);
        }
        SummaryTable.render(summaries).forEach(getLog()::info);
        getLog().info("Results: " + results + ", " + outputDirectory.toPath().resolve("episodes.jsonl") + ", JUnit XML in "
                + outputDirectory.toPath().resolve("junit-xml") + openTestReportingOutput);
        // The engine writes the report as its run ends (as it does under Surefire or in an IDE).
        Path page = ProjectReport.page(outputDirectory);
        if (Files.isRegularFile(page)) getLog().info("Report: " + page);
        else getLog().warn("The benchmarks ran but wrote no HTML report at " + page + ": is the engine older than the plugin?");
    }

    private String openTestReportingOutput(OpenTestReporting reporting, Optional<StreamingOpenTestReportListener> streamed) {
        Optional<IOException> failure = streamed.flatMap(StreamingOpenTestReportListener::failure);
        if (failure.isPresent()) {
            getLog().warn("The Open Test Reporting XML is incomplete, it ends at the last event written before: " + failure.get());
            return ", incomplete Open Test Reporting XML in " + outputDirectory.toPath().resolve("open-test-reporting");
        }
        return reporting.writesFile() ? ", Open Test Reporting XML in " + outputDirectory.toPath().resolve("open-test-reporting") : "";
    }

    private LauncherDiscoveryRequest request(Map<String, String> parameters) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(classesDirectory.toPath())))
                .filters(EngineFilter.includeEngines(ENGINE_ID))
                .configurationParameters(parameters)
                .build();
    }

    /** POM parameters, then -D user properties of this Maven session, then the fixed locations. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>(configurationParameters);
        Properties user = session.getUserProperties();
        for (String key : user.stringPropertyNames()) {
            if (key.startsWith("interfeedback.") || key.startsWith("junit.")) parameters.put(key, user.getProperty(key));
        }
        parameters.put("interfeedback.output.dir", outputDirectory.getAbsolutePath());
        // Benchmarks name datasets relative to their project, wherever Maven was started from.
        parameters.putIfAbsent("interfeedback.basedir", project.getBasedir().getAbsolutePath());
        parameters.put("junit.platform.reporting.output.dir",
                outputDirectory.toPath().resolve("open-test-reporting").toAbsolutePath().toString());
        return parameters;
    }
}
