package dev.interfeedback.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.report.RunFiles;
import dev.interfeedback.testing.Browser;
import dev.interfeedback.testing.HeadlessChromium;
import dev.interfeedback.testing.WithoutJavaScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The report of a real matrix run (3 receivers × 2 providers × 2 feedback kinds on the sample
 * project's MMMU-Pro rows, simulated models, through the command line) in headless Chromium: the
 * paper's table layout with results.json's figures, links to each cell's section, the gate's
 * verdict per cell, the change per cell beside another run, and the table without JavaScript.
 */
@ExtendWith(HeadlessChromium.class)
class MatrixReportBrowserTest {

    static final List<String> RECEIVERS = List.of("sim-receiver-a", "sim-receiver-b", "sim-receiver-c");
    static final List<String> PROVIDERS = List.of("sim-gpt-4o", "sim-claude-3.5-sonnet");
    static final List<String> FEEDBACKS = List.of("binary", "detailed");
    static final String FAILING = "mmmu-pro-sample[sim-receiver-b,sim-gpt-4o,binary]";
    static final String PASSING = "mmmu-pro-sample[sim-receiver-c,sim-claude-3.5-sonnet,detailed]";

    @TempDir
    static Path output;

    static JsonNode results;

    @BeforeAll
    static void run() throws Exception {
        matrixRun(output, 3);
        results = ReportRuns.results(output);
    }

    static void matrixRun(Path dir, int rounds) {
        ReportRuns.run(List.of(ReportRuns.SAMPLE_PROJECT.resolve("junit-platform.properties").toString(),
                "interfeedback.dataset=datasets/mmmu-pro-sample.jsonl", "interfeedback.rounds=" + rounds,
                "interfeedback.receivers=" + String.join(",", RECEIVERS), "interfeedback.providers=" + String.join(",", PROVIDERS),
                "interfeedback.feedbacks=" + String.join(",", FEEDBACKS), "interfeedback.output.dir=" + dir), Map.of());
    }

    @Test
    void theMatrixTableHasARowPerReceiverAndTheCellsFiguresOfResultsJson(Browser browser) {
        browser.open(page(output).toUri());

        WebElement table = browser.driver().findElement(By.cssSelector("table.matrix[data-matrix='mmmu-pro-sample']"));
        assertThat(table.findElements(By.cssSelector("tbody tr"))).extracting(row -> row.findElement(By.tagName("th")).getText())
                .containsExactlyElementsOf(RECEIVERS);
        assertThat(table.findElements(By.cssSelector("thead tr")).get(0).findElements(By.tagName("th")))
                .extracting(WebElement::getText).containsExactly("receiver", PROVIDERS.get(0), PROVIDERS.get(1));
        assertThat(results.path("benchmarks")).hasSize(12);
        int intervals = 0;
        for (JsonNode cell : results.path("benchmarks")) {
            String id = cell.path("id").asText();
            assertThat(cell.path("matrix").asText()).isEqualTo("mmmu-pro-sample");
            assertThat(figure(browser, id, "wrongAtRound0").getText()).isEqualTo(cell.path("counts").path("wrongAtRound0").asText());
            assertThat(figure(browser, id, "testSet").getText()).isEqualTo(cell.path("counts").path("testSet").asText());
            for (String rate : List.of("accuracy", "correctionRate")) {
                WebElement shown = figure(browser, id, rate);
                JsonNode expected = cell.path(rate);
                assertThat(shown.findElement(By.tagName("a")).getText()).as(id + " " + rate)
                        .isEqualTo(expected.path("value").isNull() ? "–" : ReportRuns.percent(expected.path("value").asDouble()));
                if (expected.path("low").isNumber()) {
                    intervals++;
                    assertThat(shown.findElement(By.cssSelector(".ci")).getText()).isEqualTo(String.format(Locale.ROOT, "[%.1f, %.1f]",
                            expected.path("low").asDouble() * 100, expected.path("high").asDouble() * 100));
                }
            }
        }
        assertThat(intervals).as("rates shown with their Wilson interval").isPositive();
        // the cells differ, so that equal figures above say something
        assertThat(results.path("benchmarks").findValues("correctionRate").stream().map(r -> r.path("value").asText()).distinct())
                .hasSizeGreaterThan(1);
        // the row's position is the cell's: a receiver's row holds its own cells only
        WebElement rowB = table.findElements(By.cssSelector("tbody tr")).get(1);
        assertThat(rowB.findElements(By.cssSelector("td[data-field='testSet']"))).extracting(td -> td.getDomAttribute("data-cell"))
                .allMatch(id -> id.startsWith("mmmu-pro-sample[sim-receiver-b,"));
        assertThat(rowB.findElements(By.cssSelector("td[data-field='testSet']"))).extracting(td -> td.getDomAttribute("data-cell"))
                .containsExactly("mmmu-pro-sample[sim-receiver-b,sim-gpt-4o,binary]", "mmmu-pro-sample[sim-receiver-b,sim-gpt-4o,detailed]",
                        "mmmu-pro-sample[sim-receiver-b,sim-claude-3.5-sonnet,binary]",
                        "mmmu-pro-sample[sim-receiver-b,sim-claude-3.5-sonnet,detailed]");
        browser.screenshot(HtmlReportBrowserTest.SCREENSHOTS.resolve("report-matrix.png"));
        assertNoCspViolation(browser);
    }

    @Test
    void aCellsFigureLeadsToThatCellsSection(Browser browser) {
        browser.open(page(output).toUri());

        figure(browser, FAILING, "correctionRate").findElement(By.tagName("a")).click();
        browser.waitFor(d -> ((String) browser.script("return location.hash")).startsWith("#benchmark-"));
        String anchor = ((String) browser.script("return location.hash")).substring(1);
        WebElement section = browser.driver().findElement(By.id(anchor));
        assertThat(section.getDomAttribute("data-benchmark")).isEqualTo(FAILING);
        assertThat(section.findElement(By.tagName("h3")).getText()).isEqualTo(FAILING);
        // and the section is where the browser went
        assertThat(((Number) browser.script("return arguments[0].getBoundingClientRect().top", section)).doubleValue())
                .isBetween(-1.0, 50.0);

        // from there, the cell's samples: the list narrowed to that cell
        browser.waitFor(d -> d.findElement(By.id("sample-count")).getText().startsWith("192 of 192 samples"));
        section.findElement(By.cssSelector(".samples-link a")).click();
        browser.waitFor(d -> d.findElement(By.id("sample-count")).getText().startsWith("16 of 192 samples"));
        assertThat(browser.driver().findElements(By.cssSelector("#sample-table tbody tr"))).hasSize(16)
                .allMatch(row -> row.findElement(By.tagName("td")).getText().equals(FAILING));
        assertNoCspViolation(browser);
    }

    @Test
    void aViolationOfThePolicyWouldShowOnTheConsole(Browser browser) {
        // the control of assertNoCspViolation: an inline script is refused, and the console says so
        browser.open(page(output).toUri());
        browser.script("var s = document.createElement('script'); s.textContent = 'window.ran = 1'; document.body.appendChild(s);");

        assertThat(browser.script("return window.ran === undefined")).isEqualTo(true);
        assertThat(browser.consoleMessages()).anyMatch(line -> line.contains("Content Security Policy"));
    }

    @Test
    void theGatesVerdictShowsOnTheCellsItJudged(Browser browser, @TempDir Path gated) throws Exception {
        matrixRun(gated, 3);
        JsonNode run = ReportRuns.results(gated);
        // check.json as interfeedback:check saves it: a rule on one cell violated, on another met
        ObjectMapper json = new ObjectMapper();
        ObjectNode check = json.createObjectNode().put("passed", false).put("haltOnFailure", true);
        ArrayNode limits = check.putArray("limits");
        limits.addObject().put("element", "benchmark").put("subject", FAILING).put("counter", "CORRECTION_RATE")
                .put("label", "correction rate").put("bound", "minimum").put("limit", "101%").put("measuredText", "x")
                .put("status", "violated").put("message", "Rule violated for benchmark " + FAILING + ": <b>correction rate</b> too low");
        limits.addObject().put("element", "benchmark").put("subject", PASSING).put("counter", "CORRECTION_RATE")
                .put("label", "correction rate").put("bound", "minimum").put("limit", "0%").put("measuredText", "x")
                .put("status", "met");
        check.putArray("warnings");
        json.writeValue(gated.resolve(RunFiles.CHECK).toFile(), check);
        HtmlReport.write(gated);

        browser.open(page(gated).toUri());

        WebElement failed = figure(browser, FAILING, "correctionRate").findElement(By.cssSelector(".gate"));
        assertThat(failed.getText()).isEqualTo("gate: failed");
        assertThat(failed.getDomAttribute("title")).contains("<b>correction rate</b> too low");
        assertThat(figure(browser, PASSING, "correctionRate").findElement(By.cssSelector(".gate")).getText()).isEqualTo("gate: passed");
        List<String> judged = new ArrayList<>();
        for (WebElement gate : browser.driver().findElements(By.cssSelector("table.matrix .gate"))) {
            judged.add(gate.findElement(By.xpath("..")).getDomAttribute("data-cell"));
        }
        assertThat(judged).containsExactlyInAnyOrder(FAILING, PASSING);
        assertThat(browser.driver().findElements(By.cssSelector("table.matrix b"))).isEmpty();
        assertThat(run.path("benchmarks")).hasSize(12);
        assertNoCspViolation(browser);
    }

    @Test
    void besideAnotherRunEachCellShowsItsChange(Browser browser, @TempDir Path fewerRounds) throws Exception {
        matrixRun(fewerRounds, 1);
        JsonNode other = ReportRuns.results(fewerRounds);

        browser.open(HtmlReport.write(output, fewerRounds, fewerRounds.resolve("compared")).toUri());

        int changed = 0;
        for (JsonNode cell : results.path("benchmarks")) {
            String id = cell.path("id").asText();
            JsonNode before = null;
            for (JsonNode b : other.path("benchmarks")) if (b.path("id").asText().equals(id)) before = b;
            assertThat(before).as(id).isNotNull();
            JsonNode now = cell.path("correctionRate").path("value"), then = before.path("correctionRate").path("value");
            String expected = now.isNumber() && then.isNumber()
                    ? String.format(Locale.ROOT, "Δ %+.1f", (now.asDouble() - then.asDouble()) * 100) : "Δ –";
            assertThat(figure(browser, id, "correctionRate").findElement(By.cssSelector(".delta")).getText()).as(id).isEqualTo(expected);
            if (now.isNumber() && then.isNumber() && now.asDouble() != then.asDouble()) changed++;
        }
        // three rounds correct more than one: some cells changed
        assertThat(changed).isPositive();
        assertNoCspViolation(browser);
    }

    @Test
    void withJavaScriptOffTheMatrixTableIsThere(@WithoutJavaScript Browser browser) {
        browser.open(page(output).toUri());

        JsonNode cell = results.path("benchmarks").get(0);
        assertThat(figure(browser, cell.path("id").asText(), "testSet").getText()).isEqualTo(cell.path("counts").path("testSet").asText());
        assertThat(browser.driver().findElements(By.cssSelector("table.matrix td[data-field='correctionRate']"))).hasSize(12);
        assertThat(browser.driver().findElements(By.id("sample-count"))).isEmpty();
        browser.screenshot(HtmlReportBrowserTest.SCREENSHOTS.resolve("report-matrix-without-javascript.png"));
    }

    private static Path page(Path dir) {
        return dir.resolve("report/index.html");
    }

    private static WebElement figure(Browser browser, String cell, String field) {
        return browser.driver().findElement(By.cssSelector("table.matrix td[data-cell='" + cell + "'][data-field='" + field + "']"));
    }

    /** The policy holds and nothing was refused: Chromium logs every refusal on the console. */
    private static void assertNoCspViolation(Browser browser) {
        assertThat(browser.consoleMessages()).noneMatch(line -> line.contains("Content Security Policy") || line.contains("SEVERE"));
    }
}
