package dev.interfeedback.maven.junitxml;

import static java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME;

import dev.interfeedback.maven.xml.XmlWriter;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.reporting.legacy.LegacyReportingUtils;

/**
 * One root's JUnit XML file (the Ant format), element for element and byte for byte what JUnit
 * 6.1.3's legacy writer writes but for times: the suite's counts, the JVM's system properties, a
 * test case per test (and per container without children) with its skip, failures and errors
 * (its ancestors' included), its place and its report entries as output. The test cases come in
 * the order JUnit's writer gives them, that of a hash map of the tests.
 */
final class JUnitXmlFile {

    private enum Outcome { SUCCESS, SKIPPED, FAILURE, ERROR }

    private final TestResults results;
    private final TestPlan plan;
    private final XmlWriter xml;
    private final Writer out;
    // Not thread-safe, hence one per file.
    private final NumberFormat seconds = NumberFormat.getInstance(Locale.US);
    private final NumberFormat entryNumbers = NumberFormat.getInstance(Locale.getDefault(Locale.Category.FORMAT));

    private JUnitXmlFile(TestResults results, Writer out) {
        this.results = results;
        this.plan = results.plan();
        this.out = out;
        this.xml = new XmlWriter(out);
    }

    static void write(TestResults results, TestIdentifier root, Writer out) throws IOException {
        new JUnitXmlFile(results, out).suite(root);
    }

    private void suite(TestIdentifier root) throws IOException {
        // The same collection as JUnit's writer, so that the cases come in the same order.
        Map<TestIdentifier, Outcome> tests = plan.getDescendants(root).stream()
                .filter(test -> test.isTest() || plan.getChildren(test).isEmpty())
                .collect(Collectors.toMap(Function.identity(), this::outcome));
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.start("testsuite").attribute("name", root.getDisplayName());
        xml.attribute("tests", String.valueOf(tests.size()))
                .attribute("skipped", String.valueOf(count(tests, Outcome.SKIPPED)))
                .attribute("failures", String.valueOf(count(tests, Outcome.FAILURE)))
                .attribute("errors", String.valueOf(count(tests, Outcome.ERROR)))
                .attribute("time", seconds.format(results.seconds(root)))
                .attribute("hostname", hostname())
                .attribute("timestamp", ISO_LOCAL_DATE_TIME.format(LocalDateTime.now(results.clock()).withNano(0)));
        newLine();
        systemProperties();
        for (Map.Entry<TestIdentifier, Outcome> test : tests.entrySet()) testcase(test.getKey(), test.getValue());
        output("system-out", place(root));
        xml.end("testsuite");
        newLine();
        out.flush();
    }

    private Outcome outcome(TestIdentifier test) {
        if (results.skipReason(test) != null) return Outcome.SKIPPED;
        Outcome worst = Outcome.SUCCESS;
        for (TestExecutionResult result : results.results(test)) {
            Outcome outcome = outcome(result);
            if (outcome.compareTo(worst) > 0) worst = outcome;
        }
        return worst;
    }

    private static Outcome outcome(TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.FAILED) return Outcome.SUCCESS;
        return result.getThrowable().filter(AssertionError.class::isInstance).isPresent() ? Outcome.FAILURE : Outcome.ERROR;
    }

    private static long count(Map<TestIdentifier, Outcome> tests, Outcome outcome) {
        return tests.values().stream().filter(outcome::equals).count();
    }

    private void systemProperties() throws IOException {
        xml.start("properties");
        newLine();
        Properties properties = System.getProperties();
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            xml.empty("property").attribute("name", name).attribute("value", properties.getProperty(name));
            newLine();
        }
        xml.end("properties");
        newLine();
    }

    private void testcase(TestIdentifier test, Outcome outcome) throws IOException {
        xml.start("testcase")
                .attribute("name", test.getLegacyReportingName())
                .attribute("classname", LegacyReportingUtils.getClassName(plan, test))
                .attribute("time", seconds.format(results.seconds(test)));
        newLine();
        if (outcome == Outcome.SKIPPED) {
            String reason = results.skipReason(test);
            if (reason.isBlank()) {
                xml.empty("skipped");
            } else {
                xml.start("skipped").cdata(reason).end("skipped");
            }
            newLine();
        } else {
            List<TestExecutionResult> all = results.results(test);
            for (Outcome kind : List.of(Outcome.FAILURE, Outcome.ERROR)) {
                for (TestExecutionResult result : all) {
                    if (outcome(result) == kind) failure(kind == Outcome.FAILURE ? "failure" : "error", result.getThrowable().orElse(null));
                }
            }
        }
        List<String> systemOut = new ArrayList<>();
        List<String> systemErr = new ArrayList<>();
        systemOut.add(place(test));
        entries(test, systemOut, systemErr);
        for (String content : systemOut) output("system-out", content);
        for (String content : systemErr) output("system-err", content);
        xml.end("testcase");
        newLine();
    }

    private void failure(String element, Throwable throwable) throws IOException {
        if (throwable == null) {
            xml.empty(element);
        } else {
            xml.start(element);
            if (throwable.getMessage() != null) xml.attribute("message", throwable.getMessage());
            xml.attribute("type", throwable.getClass().getName()).cdata(TestResults.stackTrace(throwable)).end(element);
        }
        newLine();
    }

    /** Report entries as one output, each numbered with its time and pairs; captured output apart. */
    private void entries(TestIdentifier test, List<String> systemOut, List<String> systemErr) {
        List<ReportEntry> entries = results.entries(test);
        if (entries.isEmpty()) return;
        List<String> captured = new ArrayList<>();
        StringBuilder described = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            Map<String, String> pairs = new LinkedHashMap<>(entries.get(i).getKeyValuePairs());
            String stdout = pairs.remove("stdout");
            if (stdout != null) captured.add(stdout);
            String stderr = pairs.remove("stderr");
            if (stderr != null) systemErr.add(stderr);
            if (pairs.isEmpty()) continue;
            described.append("Report Entry #").append(entryNumbers.format(i + 1L)).append(" (timestamp: ")
                    .append(ISO_LOCAL_DATE_TIME.format(entries.get(i).getTimestamp())).append(")\n");
            pairs.forEach((key, value) -> described.append("\t- ").append(key).append(": ").append(value).append('\n'));
        }
        systemOut.add(described.toString().trim());
        systemOut.addAll(captured);
    }

    /** The test's unique id and its display name after those of its ancestors. */
    private String place(TestIdentifier test) {
        ArrayDeque<String> names = new ArrayDeque<>();
        for (TestIdentifier current = test; current != null; current = plan.getParent(current).orElse(null)) {
            names.push(current.getDisplayName());
        }
        return "unique-id: " + test.getUniqueId() + "\ndisplay-name: " + String.join(" > ", names);
    }

    private void output(String element, String content) throws IOException {
        xml.start(element).cdata("\n" + content + "\n").end(element);
        newLine();
    }

    private void newLine() throws IOException {
        xml.text("\n");
    }

    private static String hostname() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null ? "<unknown host>" : name;
        } catch (UnknownHostException e) {
            return "<unknown host>";
        }
    }
}
