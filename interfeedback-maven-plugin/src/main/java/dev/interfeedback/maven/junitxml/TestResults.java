package dev.interfeedback.maven.junitxml;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * What one test plan's run told the listener, as JUnit's legacy XML report keeps it: results,
 * skips (an aborted test counts as skipped, its stack trace the reason), start and end instants
 * and report entries, each by test. A test's verdict takes in its ancestors': a container's
 * failure is its tests' too, and a skipped container skips them.
 */
final class TestResults {

    private final TestPlan plan;
    private final Clock clock;
    private final Map<TestIdentifier, TestExecutionResult> finished = new ConcurrentHashMap<>();
    private final Map<TestIdentifier, String> skipped = new ConcurrentHashMap<>();
    private final Map<TestIdentifier, Instant> started = new ConcurrentHashMap<>();
    private final Map<TestIdentifier, Instant> ended = new ConcurrentHashMap<>();
    private final Map<TestIdentifier, List<ReportEntry>> entries = new ConcurrentHashMap<>();

    TestResults(TestPlan plan, Clock clock) {
        this.plan = plan;
        this.clock = clock;
    }

    TestPlan plan() {
        return plan;
    }

    Clock clock() {
        return clock;
    }

    void skipped(TestIdentifier test, String reason) {
        skipped.put(test, reason == null ? "" : reason);
    }

    void started(TestIdentifier test) {
        started.put(test, clock.instant());
    }

    void finished(TestIdentifier test, TestExecutionResult result) {
        ended.put(test, clock.instant());
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            skipped.put(test, result.getThrowable().map(TestResults::stackTrace).orElse(""));
        } else {
            finished.put(test, result);
        }
    }

    void entry(TestIdentifier test, ReportEntry entry) {
        entries.computeIfAbsent(test, t -> Collections.synchronizedList(new ArrayList<>())).add(entry);
    }

    List<ReportEntry> entries(TestIdentifier test) {
        return entries.getOrDefault(test, List.of());
    }

    /** Seconds from start to end, to the millisecond; a test never started took none. */
    double seconds(TestIdentifier test) {
        Instant start = started.getOrDefault(test, Instant.EPOCH);
        return Duration.between(start, ended.getOrDefault(test, start)).toMillis() / 1000.0;
    }

    /** Why the test or its nearest skipped ancestor was skipped, or null when neither was. */
    String skipReason(TestIdentifier test) {
        for (TestIdentifier current = test; current != null; current = plan.getParent(current).orElse(null)) {
            String reason = skipped.get(current);
            if (reason != null) return current.equals(test) ? reason : "parent was skipped: " + reason;
        }
        return null;
    }

    /** The results of the test and of each ancestor that finished, the test's first. */
    List<TestExecutionResult> results(TestIdentifier test) {
        List<TestExecutionResult> results = new ArrayList<>();
        for (TestIdentifier current = test; current != null; current = plan.getParent(current).orElse(null)) {
            TestExecutionResult result = finished.get(current);
            if (result != null) results.add(result);
        }
        return results;
    }

    static String stackTrace(Throwable throwable) {
        StringWriter trace = new StringWriter();
        try (PrintWriter out = new PrintWriter(trace)) {
            throwable.printStackTrace(out);
        }
        return trace.toString();
    }
}
