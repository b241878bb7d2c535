package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.interfeedback.junit.fixtures.LoopbackBenchmark;
import dev.interfeedback.junit.fixtures.SimulatedBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One sample is one test and one failure at most in every report CI dashboards read: JUnit XML
 * from JUnit's legacy listener (Jenkins, junit-viewer), Open Test Reporting XML and the
 * Launcher's summary (what the Console Launcher prints).
 */
class ReportCountsTest {

    @TempDir
    Path output;

    /** SimulatedBenchmark: 12 samples, 5 passed, 3 not corrected, 4 outside the test set. */
    @Test
    void junitXmlCountsOneTestPerSampleAndOneFailurePerUncorrectedSample() throws Exception {
        Reports reports = run(SimulatedEngineTest.MODELS, SimulatedBenchmark.class);

        Element suite = reports.junitXml().getDocumentElement();
        assertThat(counts(suite)).isEqualTo(Map.of("tests", 12, "failures", 3, "errors", 0, "skipped", 4));
        NodeList testcases = suite.getElementsByTagName("testcase");
        assertThat(testcases.getLength()).isEqualTo(12);
        assertThat(suite.getElementsByTagName("failure").getLength()).isEqualTo(3);
    }

    @Test
    void theSummaryCountsOneTestPerSample() throws Exception {
        TestExecutionSummary summary = run(SimulatedEngineTest.MODELS, SimulatedBenchmark.class).summary();

        assertThat(new long[] {summary.getTestsFoundCount(), summary.getTestsStartedCount(),
                summary.getTestsSucceededCount(), summary.getTestsFailedCount(), summary.getTestsSkippedCount(),
                summary.getTestsAbortedCount()}).containsExactly(12, 8, 5, 3, 4, 0);
    }

    @Test
    void openTestReportingCountsOneTestPerSample() throws Exception {
        Document events = run(SimulatedEngineTest.MODELS, SimulatedBenchmark.class).openTestReporting();

        Map<String, Integer> results = new HashMap<>();
        NodeList finished = events.getElementsByTagNameNS("*", "finished");
        NodeList started = events.getElementsByTagNameNS("*", "started");
        Map<String, String> typeOf = new HashMap<>();
        for (int i = 0; i < started.getLength(); i++) {
            Element element = (Element) started.item(i);
            typeOf.put(element.getAttribute("id"), text(element, "type"));
        }
        for (int i = 0; i < finished.getLength(); i++) {
            Element element = (Element) finished.item(i);
            if (!typeOf.get(element.getAttribute("id")).contains("TEST")) continue;
            Element result = (Element) element.getElementsByTagNameNS("*", "result").item(0);
            results.merge(result.getAttribute("status"), 1, Integer::sum);
        }
        assertThat(typeOf.values().stream().filter(type -> type.contains("TEST"))).hasSize(12);
        assertThat(results).isEqualTo(Map.of("SUCCESSFUL", 5, "FAILED", 3, "SKIPPED", 4));
    }

    /** LoopbackBenchmark: 6 samples, 2 passed, 1 not corrected, 1 skipped, 2 aborted (a model call failed). */
    @Test
    void abortedSamplesAreOneSkippedTestEachInJunitXml() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            Map<String, String> parameters = new HashMap<>(server.models());
            parameters.put("interfeedback.retry.initial-backoff-ms", "1");
            parameters.put("interfeedback.retry.max-backoff-ms", "5");
            Reports reports = run(parameters, LoopbackBenchmark.class);

            assertThat(counts(reports.junitXml().getDocumentElement()))
                    .isEqualTo(Map.of("tests", 6, "failures", 1, "errors", 0, "skipped", 3));
            assertThat(reports.summary().getTestsAbortedCount()).isEqualTo(2);
            assertThat(reports.summary().getTestsFoundCount()).isEqualTo(6);
        }
    }

    private record Reports(Path dir, TestExecutionSummary summary) {

        Document junitXml() throws Exception {
            try (Stream<Path> files = Files.list(dir.resolve("junit-xml"))) {
                return parse(files.filter(f -> f.getFileName().toString().startsWith("TEST-")).findFirst().orElseThrow());
            }
        }

        Document openTestReporting() throws Exception {
            try (Stream<Path> files = Files.list(dir.resolve("open-test-reporting"))) {
                return parse(files.filter(f -> f.getFileName().toString().endsWith(".xml")).findFirst().orElseThrow());
            }
        }
    }

    private Reports run(Map<String, String> models, Class<?> benchmark) throws IOException {
        Map<String, String> parameters = new HashMap<>(models);
        parameters.put("interfeedback.output.dir", output.resolve("interfeedback").toString());
        parameters.put("junit.platform.reporting.open.xml.enabled", "true");
        parameters.put("junit.platform.reporting.output.dir", output.resolve("open-test-reporting").toString());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(benchmark))
                .configurationParameters(parameters)
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        StringWriter xmlErrors = new StringWriter();
        LauncherFactory.create().execute(request, summary,
                new LegacyXmlReportGeneratingListener(output.resolve("junit-xml"), new PrintWriter(xmlErrors)));
        assertThat(xmlErrors.toString()).isEmpty();
        return new Reports(output, summary.getSummary());
    }

    private static Map<String, Integer> counts(Element suite) {
        Map<String, Integer> counts = new HashMap<>();
        for (String attribute : new String[] {"tests", "failures", "errors", "skipped"}) {
            counts.put(attribute, Integer.parseInt(suite.getAttribute(attribute)));
        }
        return counts;
    }

    private static String text(Element element, String localName) {
        NodeList nodes = element.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
