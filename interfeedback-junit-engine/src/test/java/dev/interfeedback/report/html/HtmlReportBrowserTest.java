package dev.interfeedback.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interfeedback.testing.Browser;
import dev.interfeedback.testing.HeadlessChromium;
import dev.interfeedback.testing.WithoutJavaScript;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The report of a real run (the sample project's bundled datasets on the simulator), read in
 * headless Chromium from file://, as a person opens it: the figures are results.json's, the
 * filters and the transcripts work, the images load, and nothing is requested from outside the
 * report's folder. Screenshots go to target/browser-screenshots.
 */
@ExtendWith(HeadlessChromium.class)
class HtmlReportBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/browser-screenshots");

    @TempDir
    static Path output;

    static JsonNode results;
    static List<JsonNode> episodes;

    @BeforeAll
    static void run() throws Exception {
        ReportRuns.sampleRun(output);
        results = ReportRuns.results(output);
        episodes = ReportRuns.episodes(output);
    }

    static Path page() {
        return output.resolve("report/index.html");
    }

    @Test
    void theFiguresOnThePageAreThoseOfResultsJson(Browser browser) {
        browser.open(page().toUri());

        assertThat(results.path("benchmarks")).hasSize(2);
        for (JsonNode benchmark : results.path("benchmarks")) {
            String id = benchmark.path("id").asText();
            for (String figure : List.of("accuracy", "correctionRate", "errorRate")) {
                WebElement cell = browser.driver().findElement(By.cssSelector("[data-figure='" + id + "/" + figure + "']"));
                double value = benchmark.path(figure).path("value").asDouble();
                assertThat(cell.getText()).as(id + " " + figure).isEqualTo(ReportRuns.percent(value));
                assertThat(Double.parseDouble(cell.getDomAttribute("data-value"))).isEqualTo(value);
                String interval = cell.findElement(By.xpath("following-sibling::td[1]")).getText();
                assertThat(interval).isEqualTo(String.format(java.util.Locale.ROOT, "[%.1f, %.1f]",
                        benchmark.path(figure).path("low").asDouble() * 100, benchmark.path(figure).path("high").asDouble() * 100));
            }
            for (String count : List.of("samples", "wrongAtRound0", "testSet", "corrected", "errors")) {
                assertThat(browser.driver().findElement(By.cssSelector("[data-count='" + id + "/" + count + "']")).getText())
                        .as(id + " " + count).isEqualTo(benchmark.path("counts").path(count).asText());
            }
            // The per-round picture: round 0, then a bar per feedback round.
            WebElement article = browser.driver().findElement(By.cssSelector("article[data-benchmark='" + id + "']"));
            assertThat(article.findElements(By.cssSelector("svg.rounds rect.bar"))).hasSize(1 + benchmark.path("maxRounds").asInt());
            // The category table: one row per category.
            assertThat(browser.driver().findElements(By.cssSelector("table.categories[data-benchmark='" + id + "'] tbody tr")))
                    .hasSize(benchmark.path("perCategory").size());
        }
        browser.screenshot(SCREENSHOTS.resolve("report-sample-run.png"));
        assertNoRequestLeftTheReport(browser);
    }

    @Test
    void theFiltersNarrowTheSampleListAndATranscriptShowsEveryRoundAndItsImages(Browser browser) {
        browser.open(page().toUri());
        browser.waitFor(d -> d.findElement(By.id("sample-count")).getText().startsWith("64 of 64 samples"));

        long notCorrected = episodes.stream().filter(e -> e.path("status").asText().equals("NOT_CORRECTED")).count();
        new Select(browser.driver().findElement(By.id("filter-status"))).selectByValue("NOT_CORRECTED");
        assertThat(browser.driver().findElement(By.id("sample-count")).getText()).startsWith(notCorrected + " of 64 samples");
        assertThat(rows(browser)).hasSize((int) notCorrected).allMatch(row -> row.getText().contains("not corrected"));
        new Select(browser.driver().findElement(By.id("filter-status"))).selectByValue("");

        long history = episodes.stream().filter(e -> e.path("category").asText().equals("History")).count();
        new Select(browser.driver().findElement(By.id("filter-category"))).selectByValue("History");
        assertThat(rows(browser)).hasSize((int) history);
        new Select(browser.driver().findElement(By.id("filter-category"))).selectByValue("");

        // A corrected MMMU-Pro sample: it has images and several rounds.
        JsonNode sample = episodes.stream()
                .filter(e -> e.path("status").asText().equals("CORRECTED") && e.path("images").size() > 0)
                .findFirst().orElseThrow();
        String id = sample.path("sampleId").asText();
        browser.driver().findElement(By.id("filter-text")).sendKeys(id);
        long matching = episodes.stream().filter(e -> e.path("sampleId").asText().toLowerCase().contains(id.toLowerCase())
                || e.path("question").asText().toLowerCase().contains(id.toLowerCase())).count();
        assertThat(rows(browser)).hasSize((int) matching).allMatch(row -> row.getText().contains(id));
        browser.driver().findElement(By.cssSelector("#sample-table tr[data-sample='" + id + "'] a.open")).click();

        browser.waitFor(d -> d.findElement(By.id("transcript-id")).getText().equals(id));
        WebElement transcript = browser.driver().findElement(By.id("transcript"));
        assertThat(transcript.findElements(By.cssSelector(".round"))).hasSize(sample.path("rounds").size());
        assertThat(transcript.findElement(By.cssSelector("pre.question")).getText())
                .isEqualTo(sample.path("question").asText());
        assertThat(transcript.getText()).contains("ground truth: " + sample.path("groundTruth").asText())
                .contains("The provider's own round-0 answer");
        for (JsonNode round : sample.path("rounds")) {
            WebElement shown = transcript.findElement(By.cssSelector(".round[data-round='" + round.path("round").asInt() + "']"));
            assertThat(shown.findElement(By.cssSelector("pre.answer")).getText()).isEqualTo(round.path("answer").asText());
            assertThat(shown.getText()).contains("extracted: " + round.path("extracted").asText())
                    .contains(round.path("correct").asBoolean() ? "verdict: right" : "verdict: wrong");
            if (round.path("feedback").isTextual()) {
                assertThat(shown.findElement(By.cssSelector("pre.feedback")).getText()).isEqualTo(round.path("feedback").asText());
            }
        }
        List<WebElement> thumbs = transcript.findElements(By.cssSelector("img.thumb"));
        assertThat(thumbs).hasSize(sample.path("images").size());
        browser.waitFor(d -> (Boolean) browser.script(
                "return Array.from(document.querySelectorAll('img.thumb')).every(i => i.complete && i.naturalWidth > 0)"));
        thumbs.get(0).click();
        assertThat(thumbs.get(0).getDomAttribute("class")).contains("enlarged");
        browser.screenshot(SCREENSHOTS.resolve("report-sample-transcript.png"));

        // The fragment opens a transcript too, as the gate's links do.
        JsonNode other = episodes.get(episodes.size() - 1);
        browser.script("location.hash = arguments[0]", "#sample/" + other.path("benchmark").asText() + "/" + other.path("sampleId").asText());
        browser.waitFor(d -> d.findElement(By.id("transcript-id")).getText().equals(other.path("sampleId").asText()));
        assertNoRequestLeftTheReport(browser);
    }

    @Test
    void withJavaScriptOffTheOverviewStillShowsTheFigures(@WithoutJavaScript Browser browser) {
        browser.open(page().toUri());

        JsonNode benchmark = results.path("benchmarks").get(0);
        String id = benchmark.path("id").asText();
        assertThat(browser.driver().findElement(By.cssSelector("[data-figure='" + id + "/correctionRate']")).getText())
                .isEqualTo(ReportRuns.percent(benchmark.path("correctionRate").path("value").asDouble()));
        assertThat(browser.driver().findElement(By.id("categories")).getText()).contains(id);
        assertThat(browser.driver().findElement(By.id("samples")).getText()).contains("need JavaScript");
        // No script ran: the list was never filled.
        assertThat(browser.driver().findElements(By.id("sample-count"))).isEmpty();
        browser.screenshot(SCREENSHOTS.resolve("report-without-javascript.png"));
    }

    @Test
    void besideAnotherRunTheSamplesThatChangedVerdictComeFirst(Browser browser, @TempDir Path other) throws Exception {
        // The same datasets with another receiver: some samples pass in one run and not in the other.
        ReportRuns.run(List.of(ReportRuns.SAMPLE_PROJECT.resolve("junit-platform.properties").toString(),
                "interfeedback.dataset=datasets/mmmu-pro-sample.jsonl,datasets/mathverse-text-only-sample.jsonl",
                "interfeedback.model.receiver.url=simulator:?accuracy=0.6&seed=7", "interfeedback.output.dir=" + other),
                java.util.Map.of());
        java.util.Map<String, Boolean> passedBefore = new java.util.HashMap<>();
        for (JsonNode e : episodes) passedBefore.put(e.path("benchmark").asText() + "/" + e.path("sampleId").asText(), passed(e));
        long changed = ReportRuns.episodes(other).stream()
                .filter(e -> passedBefore.get(e.path("benchmark").asText() + "/" + e.path("sampleId").asText()) != passed(e)).count();
        assertThat(changed).isPositive();

        browser.open(HtmlReport.write(other, output).toUri());

        assertThat(browser.driver().findElement(By.id("changed-count")).getText()).startsWith(changed + " of 64 samples");
        browser.waitFor(d -> d.findElement(By.id("sample-count")).getText().startsWith("64 of 64 samples"));
        List<WebElement> rows = rows(browser);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).getDomAttribute("class").contains("changed")).as("row " + i).isEqualTo(i < changed);
        }
        browser.driver().findElement(By.id("filter-changed")).click();
        assertThat(rows(browser)).hasSize((int) changed);
        browser.screenshot(SCREENSHOTS.resolve("report-comparison.png"));
    }

    private static boolean passed(JsonNode episode) {
        String status = episode.path("status").asText();
        return status.equals("CORRECT_AT_ROUND_0") || status.equals("CORRECTED");
    }

    private static List<WebElement> rows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#sample-table tbody tr"));
    }

    /** Every request was for a file of the report's folder: no network, no file outside it. */
    static void assertNoRequestLeftTheReport(Browser browser) {
        assertNoRequestLeftTheReport(browser, output);
    }

    static void assertNoRequestLeftTheReport(Browser browser, Path output) {
        String folder = output.resolve("report").toUri().toString();
        // chrome:// URLs are the browser's own start page and icons, which no web page may request;
        // data: URLs are the browser's built-in placeholders, and leave nothing.
        assertThat(browser.requestedUrls().stream().filter(url -> !url.startsWith("chrome://") && !url.startsWith("data:")))
                .isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(folder));
    }
}
