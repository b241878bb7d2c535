package dev.interfeedback.maven;

import dev.interfeedback.maven.junitxml.JUnitXmlListener;
import dev.interfeedback.maven.opentestreporting.OpenTestReporting;
import dev.interfeedback.maven.opentestreporting.StreamingOpenTestReportListener;
import java.io.File;
import java.io.PrintWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.junit.platform.reporting.open.xml.OpenTestReportGeneratingListener;

/**
 * Measures what one sample's three events (started, a report entry, finished) cost each writer of
 * the evaluate goal's XML reports against JUnit's own: feeds N synthetic samples shaped like a
 * benchmark's straight to the listener, no engine, no Launcher, and prints the process's CPU time
 * per sample (that the files are equal but for times is what {@code
 * StreamingOpenTestReportListenerTest} and {@code JUnitXmlListenerTest} check). Not a test: run it
 * by hand.
 *
 * <pre>java -cp ... dev.interfeedback.maven.ReportListenersCost [samples] [dir]</pre>
 */
public final class ReportListenersCost {

    public static void main(String[] args) throws IOException {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("report-listeners-cost");
        Plan plan = plan(samples, dir);
        System.out.printf("%d samples, 3 events each; CPU time of the whole process, after a warm-up round%n", samples);
        compare("Open Test Reporting", plan, dir.resolve("otr"), OpenTestReportGeneratingListener::new, StreamingOpenTestReportListener::new);
        compare("JUnit XML", plan, dir.resolve("junit-xml"),
                () -> new LegacyXmlReportGeneratingListener(dir.resolve("junit-xml/junit"), new PrintWriter(System.err, true)),
                () -> new JUnitXmlListener(dir.resolve("junit-xml/ours"), new PrintWriter(System.err, true)));
    }

    private static void compare(String report, Plan plan, Path dir, Supplier<TestExecutionListener> junit,
            Supplier<TestExecutionListener> ours) throws IOException {
        long bestJunit = Long.MAX_VALUE;
        long bestOurs = Long.MAX_VALUE;
        int samples = plan.samples().size();
        for (int round = 0; round <= 5; round++) {
            long junitCpu = run(junit.get(), plan, dir.resolve("junit"));
            long oursCpu = run(ours.get(), plan, dir.resolve("ours"));
            if (round == 0) continue;
            bestJunit = Math.min(bestJunit, junitCpu);
            bestOurs = Math.min(bestOurs, oursCpu);
            System.out.printf("%s, round %d: JUnit's listener %.1f µs per sample, ours %.1f µs per sample%n",
                    report, round, junitCpu / 1e3 / samples, oursCpu / 1e3 / samples);
        }
        System.out.printf("%s, best: JUnit's listener %.1f µs per sample, ours %.1f µs per sample (%.1fx less); files: %d and %d bytes%n",
                report, bestJunit / 1e3 / samples, bestOurs / 1e3 / samples, (double) bestJunit / bestOurs,
                size(dir.resolve("junit")), size(dir.resolve("ours")));
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private record Plan(EngineDescriptor engine, List<TestDescriptor> samples, ConfigurationParameters configuration) {}

    private static long run(TestExecutionListener listener, Plan plan, Path dir) throws IOException {
        // The Launcher's output directory creator makes the root; JUnit's listener expects it.
        Files.createDirectories(dir);
        OutputDirectoryCreator output = new OutputDirectoryCreator() {
            @Override
            public Path getRootDirectory() {
                return dir;
            }

            @Override
            public Path createOutputDirectory(TestDescriptor descriptor) {
                return dir;
            }
        };
        TestPlan testPlan = TestPlan.from(true, List.of(plan.engine()), plan.configuration(), output);
        TestIdentifier engine = TestIdentifier.from(plan.engine());
        List<TestIdentifier> samples = plan.samples().stream().map(TestIdentifier::from).toList();
        AssertionError wrong = new AssertionError("not corrected within 3 feedback rounds; ground truth: B");
        long start = cpu();
        listener.testPlanExecutionStarted(testPlan);
        listener.executionStarted(engine);
        for (int i = 0; i < samples.size(); i++) {
            TestIdentifier sample = samples.get(i);
            listener.executionStarted(sample);
            Map<String, String> rounds = new LinkedHashMap<>();
            rounds.put("round 0", "answered A (wrong)");
            rounds.put("round 1", "answered B (right) after \"[simulated] Your answer is not correct. Re-read the question…\"");
            rounds.put("transcript", "target/interfeedback/transcripts/bench.txt:" + (i * 20 + 1));
            listener.reportingEntryPublished(sample, ReportEntry.from(rounds));
            listener.executionFinished(sample, i % 10 == 9 ? TestExecutionResult.failed(wrong) : TestExecutionResult.successful());
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
        listener.testPlanExecutionFinished(testPlan);
        return cpu() - start;
    }

    private static Plan plan(int count, Path dir) {
        EngineDescriptor engine = new EngineDescriptor(UniqueId.forEngine("interfeedback"), "InterFeedback");
        List<TestDescriptor> samples = new ArrayList<>();
        File dataset = dir.resolve("dataset.jsonl").toFile();
        for (int i = 0; i < count; i++) {
            String id = "s" + i;
            TestDescriptor sample = new AbstractTestDescriptor(engine.getUniqueId().append("sample", id), id + " [cat" + i % 5 + "]",
                    FileSource.from(dataset, FilePosition.from(i + 1))) {
                @Override
                public Type getType() {
                    return Type.TEST;
                }
            };
            engine.addChild(sample);
            samples.add(sample);
        }
        Map<String, String> parameters = Map.of(OpenTestReporting.ENABLED, "true");
        return new Plan(engine, samples,
                LauncherDiscoveryRequestBuilder.request().configurationParameters(parameters).build().getConfigurationParameters());
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
