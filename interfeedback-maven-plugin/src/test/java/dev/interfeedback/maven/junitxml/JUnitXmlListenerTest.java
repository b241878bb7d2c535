package dev.interfeedback.maven.junitxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.interfeedback.maven.opentestreporting.FixtureEngine;
import dev.interfeedback.maven.opentestreporting.Runs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * The JUnit XML file equals JUnit's own listener's, byte for byte once the times (which must
 * differ) are set aside: the same run through a Launcher twice, once with each listener.
 */
class JUnitXmlListenerTest {

    private static final Pattern TIMES = Pattern.compile(" time=\"[^\"]*\"| timestamp=\"[^\"]*\"|\\(timestamp: [^)]*\\)");

    @TempDir
    Path dir;

    @Test
    void writesWhatJUnitWritesForEveryKindOfTest() throws Exception {
        String junit = fixture(dir.resolve("junit"), LegacyXmlReportGeneratingListener::new);
        String ours = fixture(dir.resolve("ours"), JUnitXmlListener::new);

        assertThat(withoutTimes(ours)).isEqualTo(withoutTimes(junit));
        // The fixture shows what it is there to show (else equality would prove little).
        assertThat(ours).contains("<testsuite name=\"Fixture engine\" tests=\"", "<property name=\"java.version\" value=\"",
                "<skipped/>", "<skipped><![CDATA[because <reason> & ", "<skipped><![CDATA[parent was skipped: a container's reason]]>",
                "<skipped><![CDATA[org.opentest4j.TestAbortedException: not today", "<failure message=\"expected ]]&gt; but was",
                "type=\"java.lang.AssertionError\"><![CDATA[java.lang.AssertionError: expected ]]]]><![CDATA[> but was",
                "<error message=\"outer\" type=\"java.lang.IllegalStateException\">", "Caused by: java.io.IOException: cause <x>",
                "<error message=\"container broke\"", "Report Entry #1 (timestamp: ", "\t- only: x", "<system-err><![CDATA[\nonly err\n]]>",
                "<system-out><![CDATA[\nout ]]]]><![CDATA[> ", "&#9; tab &#10; line &#13; return \uFFFD control \uD83D\uDE00 pair \uFFFD lone \uFFFD",
                "classname=\"fx.Sources\"", "name=\"dynamic &lt;1&gt;\"", "display-name: Fixture engine > outcomes > failing container > inside-failing");
        assertThat(ours).doesNotContain("\u0001", "\uFFFE");
    }

    @Test
    void writesWhatJUnitWritesForABenchmark() throws Exception {
        Path dataset = Runs.dataset(dir.resolve("data"));
        // One place for both runs: the engine's report entries name its files by absolute path.
        Path out = dir.resolve("out");
        int port = Runs.closedPort();
        String junit = benchmarks(out, dataset, port, LegacyXmlReportGeneratingListener::new);
        Runs.delete(out);
        String ours = benchmarks(out, dataset, port, JUnitXmlListener::new);

        assertThat(withoutTimes(ours)).isEqualTo(withoutTimes(junit));
        assertThat(ours).contains("<testsuite name=\"InterFeedback\"", "<failure message=\"", "<skipped><![CDATA[",
                "\t- round 0: answered ", "\t- transcript: ", "classname=\"", "name=\"s01 [");
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("junit-xml/TEST-interfeedback.xml").toFile())
                .getDocumentElement().getAttribute("tests")).isEqualTo("14");
    }

    @Test
    void aReportThatCannotBeWrittenIsPrintedWithJUnitsMessagesNotThrown() throws Exception {
        Path blocked = Files.writeString(dir.resolve("not-a-folder"), "x");
        StringWriter problems = new StringWriter();

        run(new JUnitXmlListener(blocked, new PrintWriter(problems, true)));

        assertThat(problems.toString()).contains("Could not create reports directory: " + blocked,
                "Could not write XML report: " + blocked.resolve("TEST-" + FixtureEngine.ID + ".xml"));
    }

    @Test
    void theComparisonSetsAsideTheTimesAndNothingElse() {
        String file = "<testsuite name=\"n\" time=\"0.1\" timestamp=\"2026-12-06T10:00:00\">Report Entry #1 (timestamp: 2026-12-06T10:00:00.1)";

        assertThat(withoutTimes(file)).isEqualTo("<testsuite name=\"n\">Report Entry #1 ");
        assertThat(withoutTimes(file.replace("name=\"n\"", "name=\"m\""))).isNotEqualTo(withoutTimes(file));
    }

    private static String withoutTimes(String file) {
        return TIMES.matcher(file).replaceAll("");
    }

    private String fixture(Path reports, BiFunction<Path, PrintWriter, TestExecutionListener> listener) throws Exception {
        run(listener.apply(reports, new PrintWriter(new StringWriter())));
        return Files.readString(reports.resolve("TEST-" + FixtureEngine.ID + ".xml"));
    }

    private void run(TestExecutionListener listener) {
        LauncherFactory.create(LauncherConfig.builder()
                        .enableTestEngineAutoRegistration(false)
                        .addTestEngines(new FixtureEngine())
                        .build())
                .execute(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(FixtureEngine.class))
                        .configurationParameters(Map.of("junit.platform.reporting.output.dir", dir.resolve("otr").toString()))
                        .build(), listener);
    }

    /** The InterFeedback engine on passing, failing, skipped and aborted samples, laid out as the evaluate goal lays it out. */
    private static String benchmarks(Path out, Path dataset, int closedPort,
            BiFunction<Path, PrintWriter, TestExecutionListener> listener) throws Exception {
        Map<String, String> parameters = Runs.benchmarkParameters(out, dataset, closedPort);
        parameters.put("junit.platform.reporting.open.xml.enabled", "false");
        Path reports = out.resolve("junit-xml");
        LauncherFactory.create().execute(Runs.benchmarkRequest(parameters), listener.apply(reports, new PrintWriter(new StringWriter())));
        return Files.readString(reports.resolve("TEST-interfeedback.xml"));
    }
}
