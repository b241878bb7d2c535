package dev.interfeedback.report.html;

import static dev.interfeedback.testing.ChatCompletions.completion;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.testing.Browser;
import dev.interfeedback.testing.HeadlessChromium;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A run whose every text is hostile (the dataset's questions, categories, ids and image file
 * names, the receiver's answers and the provider's feedback: {@code </script>}, comments, line
 * separators, {@code javascript:} links, event-handler attributes, a 1 MB answer), through a
 * real loopback server and the command-line runner. Each payload would set
 * {@code window.__pwned}; the page must show them all as text and run none.
 */
@ExtendWith(HeadlessChromium.class)
class HostileOutputBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SCRIPT_ANSWER = "</script><script>window.__pwned = 'answer'</script><!-- \u2028\u2029 -->\nAnswer: B";
    static final String MARKUP_ANSWER = "<img src=x onerror=\"window.__pwned = 'img'\"> <a href=\"javascript:window.__pwned = 'link'\">click</a>"
            + " [link](javascript:alert(1))\nAnswer: B";
    static final String BIG_ANSWER = "<b onmouseover=\"window.__pwned = 'big'\">x</b>".repeat(1_000_000 / 42) + "\nAnswer: B";
    static final String FEEDBACK = "<svg onload=\"window.__pwned = 'feedback'\"></svg> javascript:alert(1) Check the second step.";
    static final String QUESTION = "Which one? </script><script>window.__pwned = 'question'</script><!--";
    static final String HOSTILE_ID = "<img src=x onerror=window.__pwned='id'>";
    static final String IMAGE_NAME = "x\"><img src=x onerror=window.__pwned='file'>.png";

    @TempDir
    static Path dir;

    static final MockWebServer server = new MockWebServer();
    static Path output;
    static List<JsonNode> episodes;

    @BeforeAll
    static void run() throws Exception {
        Files.copy(ReportRuns.SAMPLE_PROJECT.resolve("datasets/images/test_Art_113_1.png"), dir.resolve(IMAGE_NAME));
        List<String> lines = new ArrayList<>();
        lines.add(row("h-script", QUESTION + " [H-script]", List.of(IMAGE_NAME), "<i onclick=x>category</i>"));
        lines.add(row("h-markup", "Which one? [H-markup]", List.of(), "plain"));
        lines.add(row("h-big", "Which one? [H-big]", List.of(), "plain"));
        lines.add(row(HOSTILE_ID, "Which one? [H-markup] again", List.of(), "plain"));
        Files.write(dir.resolve("hostile.jsonl"), lines, StandardCharsets.UTF_8);

        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().utf8();
                if (body.contains("\"provider-model\"")) {
                    return completion(body.contains("Write brief feedback") ? FEEDBACK : "Answer: A");
                }
                if (body.contains("[H-script]")) return completion(SCRIPT_ANSWER);
                if (body.contains("[H-big]")) return completion(BIG_ANSWER);
                return completion(MARKUP_ANSWER);
            }
        });
        server.start();
        output = dir.resolve("out");
        Map<String, String> none = new HashMap<>();
        ReportRuns.run(List.of("interfeedback.dataset=" + dir.resolve("hostile.jsonl"),
                "interfeedback.output.dir=" + output,
                "interfeedback.receiver=receiver", "interfeedback.provider=provider",
                "interfeedback.model.receiver.url=" + server.url("/v1"), "interfeedback.model.receiver.name=receiver-model",
                "interfeedback.model.provider.url=" + server.url("/v1"), "interfeedback.model.provider.name=provider-model",
                "interfeedback.feedback=detailed", "interfeedback.rounds=1", "interfeedback.cache.enabled=false"), none);
        episodes = ReportRuns.episodes(output);
    }

    private static String row(String id, String question, List<String> images, String category) {
        ObjectNode row = JSON.createObjectNode();
        row.put("id", id).put("question", question).put("answer", "A").put("category", category);
        images.forEach(row.putArray("images")::add);
        row.putArray("options").add("first").add("second <script>window.__pwned = 'option'</script>");
        return row.toString();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyHostileTextIsShownAsTextAndNoneRuns(Browser browser) {
        assertThat(episodes).hasSize(4).allMatch(e -> e.path("status").asText().equals("NOT_CORRECTED"));
        browser.open(output.resolve("report/index.html").toUri());
        browser.waitFor(d -> d.findElement(By.id("sample-count")).getText().startsWith("4 of 4 samples"));
        assertThat(browser.driver().findElement(By.id("sample-table")).getText()).contains(HOSTILE_ID);

        // Episodes are journaled as they finish; the one with an image is opened last, so the page
        // still shows its image when the images are checked below.
        List<JsonNode> withImagesLast = episodes.stream()
                .sorted(java.util.Comparator.comparingInt(e -> e.path("images").size()))
                .toList();
        for (JsonNode episode : withImagesLast) {
            String id = episode.path("sampleId").asText();
            browser.script("location.hash = arguments[0]", "#sample/hostile/" + encode(id));
            browser.waitFor(d -> d.findElement(By.id("transcript-id")).getText().equals(id));
            WebElement transcript = browser.driver().findElement(By.id("transcript"));
            assertThat(transcript.findElement(By.cssSelector("pre.question")).getText()).isEqualTo(episode.path("question").asText());
            WebElement round1 = transcript.findElement(By.cssSelector(".round[data-round='1']"));
            assertThat(round1.findElement(By.cssSelector("pre.feedback")).getText()).contains("<svg onload=");
            String answer = episode.path("rounds").get(0).path("answer").asText();
            if (answer.length() < 100_000) {
                // textContent, not getText(): WebDriver's visible text folds the line separators.
                assertThat(browser.script("return document.querySelector(\".round[data-round='0'] pre.answer\").textContent"))
                        .isEqualTo(answer);
            } else {
                // The 1 MB answer: its first 100,000 characters, then all of it on request.
                Object shown = browser.script("return document.querySelector(\".round[data-round='0'] pre.answer\").textContent.length");
                assertThat(((Number) shown).intValue()).isEqualTo(100_000);
                transcript.findElement(By.cssSelector(".round[data-round='0'] button.show-all")).click();
                Object all = browser.script("return document.querySelector(\".round[data-round='0'] pre.answer\").textContent");
                assertThat((String) all).isEqualTo(answer);
            }
            if (episode.path("images").size() > 0) {
                assertThat(transcript.findElement(By.cssSelector("figcaption")).getText()).isEqualTo(IMAGE_NAME);
                browser.waitFor(d -> (Boolean) browser.script(
                        "return Array.from(document.querySelectorAll('img.thumb')).every(i => i.complete && i.naturalWidth > 0)"));
            }
        }
        browser.screenshot(HtmlReportBrowserTest.SCREENSHOTS.resolve("report-hostile-run.png"));

        assertThat(browser.script("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(browser.alertOpen()).isFalse();
        // The only scripts are the report's own files; the only images, its content-addressed copies.
        @SuppressWarnings("unchecked")
        List<String> scripts = (List<String>) browser.script("return Array.from(document.scripts).map(s => s.src)");
        String folder = output.resolve("report").toUri().toString();
        assertThat(scripts).allSatisfy(src -> assertThat(src).startsWith(folder).matches(".*/(report|data/(index|transcripts-\\d{5}))\\.js"));
        @SuppressWarnings("unchecked")
        List<String> images = (List<String>) browser.script("return Array.from(document.images).map(i => i.src)");
        assertThat(images).isNotEmpty().allSatisfy(src -> assertThat(src).matches(".*/report/images/[0-9a-f]{64}\\.png"));
        assertThat(browser.driver().findElements(By.cssSelector("a[href^='javascript'], [onerror], [onload], [onclick], [onmouseover]"))).isEmpty();
        HtmlReportBrowserTest.assertNoRequestLeftTheReport(browser, output);
    }

    private static String encode(String id) {
        return java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
