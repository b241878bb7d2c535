package dev.interfeedback.maven.junitxml;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes a JUnit XML file ({@code TEST-<engine>.xml}) per root of the test plan when the root
 * finishes: the file JUnit's {@code LegacyXmlReportGeneratingListener} writes, in one pass through
 * a buffer. JUnit's writer flushes the file before and after every attribute (its way of escaping
 * line breaks in attribute values), six writes to the disk per test case: for 10,000 samples about
 * 60,000 system calls, most of what the report cost. Problems are printed to {@code out} with
 * JUnit's messages, and the run goes on.
 */
public final class JUnitXmlListener implements TestExecutionListener {

    private final Path reportsDir;
    private final PrintWriter out;
    private final Clock clock;
    private volatile TestResults results;

    public JUnitXmlListener(Path reportsDir, PrintWriter out) {
        this(reportsDir, out, Clock.systemDefaultZone());
    }

    JUnitXmlListener(Path reportsDir, PrintWriter out, Clock clock) {
        this.reportsDir = reportsDir;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        results = new TestResults(plan, clock);
        try {
            Files.createDirectories(reportsDir);
        } catch (IOException e) {
            print("Could not create reports directory: " + reportsDir, e);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        results = null;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        results.skipped(test, reason);
        writeIfRoot(test);
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        results.started(test);
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        results.entry(test, entry);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        results.finished(test, result);
        writeIfRoot(test);
    }

    private void writeIfRoot(TestIdentifier test) {
        if (test.getParentIdObject().isPresent()) return;
        Path file = reportsDir.resolve("TEST-" + test.getUniqueIdObject().getSegments().get(0).getValue() + ".xml");
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            JUnitXmlFile.write(results, test, writer);
        } catch (IOException | RuntimeException e) {
            print("Could not write XML report: " + file, e);
        }
    }

    private void print(String message, Exception e) {
        out.println(message);
        e.printStackTrace(out);
    }
}
