package dev.interfeedback.human;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.junit.fixtures.HumanBenchmark;
import dev.interfeedback.testing.Browser;
import dev.interfeedback.testing.HeadlessChromium;
import dev.interfeedback.testing.HumanScripts;
import dev.interfeedback.testing.KilledRuns;
import dev.interfeedback.testing.ScriptedChatServer;
import dev.interfeedback.testing.SyntheticDataset;
import dev.interfeedback.testing.TestSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.console.ConsoleLauncher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A person plays a whole session in headless Chromium: the engine runs a human benchmark in a JVM
 * of its own against a scripted receiver on loopback; the person types feedback for every task
 * over three rounds, reloads the page while typing, and the session's JVM is killed with SIGKILL
 * mid-session and started again. Nothing submitted is lost, the receiver is asked nothing twice,
 * and results.json holds the per-round counts the script implies.
 */
@ExtendWith(HeadlessChromium.class)
class FeedbackPageBrowserTest {

    private static final int SAMPLES = 13;
    private static final Pattern URL = Pattern.compile("the feedback page is open at (http://127\\.0\\.0\\.1:\\d+/\\?token=[0-9a-f]+)");
    private static final Pattern TASK = Pattern.compile("(s\\d+) \\[[^]]*], round (\\d) of 3");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aPersonFinishesASessionThroughAReloadAndAKilledServerAndNothingIsLostOrAskedTwice(Browser browser) throws Exception {
        Path dataset = SyntheticDataset.write(dir.resolve("human"), SAMPLES);
        String hostile = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";
        withHostileQuestion(dataset, hostile);
        long[] expected = HumanScripts.firstCorrections("weak", SAMPLES);
        assertThat(expected[1]).as("corrected at round 1").isPositive();
        assertThat(expected[3]).as("told the answer at round 3").isPositive();
        Path out = dir.resolve("out");

        Map<String, Integer> requests;
        Set<String> submitted = new HashSet<>();
        try (ScriptedChatServer receiver = new ScriptedChatServer(Duration.ofMillis(300))) {
            Process first = session(receiver, out, dir.resolve("first.log"));
            browser.open(url(first, dir.resolve("first.log")));
            browser.waitFor(d -> d.findElement(By.id("name")).isDisplayed());
            browser.driver().findElement(By.id("name")).sendKeys("ana");
            browser.driver().findElement(By.cssSelector("#login-form button")).click();

            Task task = nextTask(browser, null);
            assertThat(browser.script("return window.pwned === undefined")).as("dataset text is shown, never run").isEqualTo(true);
            assertThat(browser.driver().findElement(By.id("question")).getText()).endsWith(hostile);
            assertThat(browser.driver().findElements(By.cssSelector("#question *"))).as("no markup from the dataset").isEmpty();
            assertThat(browser.driver().findElement(By.id("truth")).getText()).startsWith("(" + SyntheticDataset.truth(task.sampleId()) + ") ");
            assertThat(browser.driver().findElement(By.id("receiver")).getText()).as("the model's name is hidden").isEqualTo("the model");

            // A few tasks, then a reload while typing: the draft is there again.
            for (int i = 0; i < 3; i++) task = submit(browser, task, submitted);
            String half = "Half of a hint for " + task.sampleId();
            type(browser, half);
            browser.driver().navigate().refresh();
            Task reloaded = nextTask(browser, null);
            assertThat(reloaded).isEqualTo(task);
            assertThat(textBox(browser).getAttribute("value")).isEqualTo(half);
            browser.screenshot(Path.of("target/browser-screenshots/human-page-task.png"));

            // Typing, the draft saved, nothing in flight at the receiver: the session's JVM is killed.
            for (int i = 0; i < 2; i++) task = submit(browser, task, submitted);
            String draft = "A draft the kill must not lose, for " + task.sampleId();
            type(browser, draft);
            browser.waitFor(d -> d.findElement(By.id("status")).getText().contains(" 0 being answered by the model"));
            Task killedAt = task;
            first.destroyForcibly();
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(out.resolve("results.json")).doesNotExist();

            Process second = session(receiver, out, dir.resolve("second.log"));
            browser.open(URI.create(url(second, dir.resolve("second.log")) + "&annotator=ana"));
            boolean draftSeen = false;
            for (task = nextTask(browser, null); task != null; ) {
                if (task.equals(killedAt)) {
                    assertThat(textBox(browser).getAttribute("value")).as("the draft of " + task).isEqualTo(draft);
                    draftSeen = true;
                }
                task = submit(browser, task, submitted);
            }
            assertThat(draftSeen).as("the task being typed at the kill came back").isTrue();
            browser.screenshot(Path.of("target/browser-screenshots/human-page-finished.png"));
            assertThat(KilledRuns.awaitExit(second, dir.resolve("second.log"))).as(Files.readString(dir.resolve("second.log"))).isZero();
            requests = receiver.requestsBySignature();
        }

        assertThat(requests).as("the receiver is asked each answer once, across the kill").allSatisfy((call, times) -> assertThat(times).as(call).isEqualTo(1));
        JsonNode benchmark = JSON.readTree(out.resolve("results.json").toFile()).path("benchmarks").get(0);
        assertThat(benchmark.path("perRound").findValuesAsText("corrected"))
                .containsExactly(String.valueOf(expected[1]), String.valueOf(expected[2]), String.valueOf(expected[3]));
        assertThat(benchmark.path("counts").path("corrected").asLong()).isEqualTo(SAMPLES - expected[0]);
        List<String> episodes = Files.readAllLines(out.resolve("episodes.jsonl"));
        assertThat(episodes).hasSize(SAMPLES);
        long rounds = 0;
        for (String line : episodes) {
            for (JsonNode round : JSON.readTree(line).path("rounds")) {
                if (round.path("round").asInt() == 0) continue;
                rounds++;
                assertThat(round.path("annotator").asText()).isEqualTo("ana");
                assertThat(Instant.parse(round.path("writtenAt").asText())).isBefore(Instant.now());
                assertThat(round.path("durationMs").asLong()).isNotNegative();
            }
        }
        assertThat(rounds).as("one round per submitted feedback").isEqualTo(submitted.size());
    }

    private record Task(String sampleId, int round) {}

    /** Types the protocol's text (round 3 keeps the pre-filled answer) and submits; returns the next task, or null at the end. */
    private Task submit(Browser browser, Task task, Set<String> submitted) {
        if (task.round() == 3) {
            assertThat(textBox(browser).getAttribute("value"))
                    .startsWith("The correct answer is (" + SyntheticDataset.truth(task.sampleId()) + ")");
        } else {
            type(browser, HumanScripts.text(task.sampleId(), task.round()));
        }
        browser.driver().findElement(By.id("submit")).click();
        assertThat(submitted.add(task.sampleId() + "#" + task.round())).as("asked once: " + task).isTrue();
        return nextTask(browser, task);
    }

    /** Waits for a task other than {@code after}; null once nothing is left and the session has ended. */
    private Task nextTask(Browser browser, Task after) {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> {
            WebElement task = d.findElement(By.id("task"));
            if (task.isDisplayed()) {
                Matcher m = TASK.matcher(d.findElement(By.id("sample")).getText());
                if (m.find()) {
                    Task shown = new Task(m.group(1), Integer.parseInt(m.group(2)));
                    if (!shown.equals(after)) return Optional.of(shown);
                }
            } else if (d.findElement(By.id("status")).getText().startsWith("The session is not answering")) {
                return Optional.<Task>empty();
            }
            return null;
        }).orElse(null);
    }

    private static void type(Browser browser, String text) {
        WebElement box = textBox(browser);
        box.clear();
        box.sendKeys(text);
        browser.waitFor(d -> d.findElement(By.id("saved")).getText().equals("draft saved") ? true : null);
    }

    private static WebElement textBox(Browser browser) {
        return browser.driver().findElement(By.id("feedback"));
    }

    private static URI url(Process session, Path log) throws Exception {
        for (int i = 0; i < 600; i++) {
            Matcher m = URL.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) return URI.create(m.group(1));
            if (!session.isAlive()) throw new AssertionError("the session ended: " + Files.readString(log));
            Thread.sleep(100);
        }
        throw new AssertionError("no page address printed: " + Files.readString(log));
    }

    /** The benchmark through the Console Launcher, in a JVM of its own, with the page open. */
    private Process session(ScriptedChatServer receiver, Path out, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ConsoleLauncher.class.getName(), "execute", "--disable-banner", "--disable-ansi-colors", "--details=tree",
                "--include-engine=interfeedback", "--select-class=" + HumanBenchmark.class.getName()));
        Map<String, String> settings = TestSettings.forServer(receiver.baseUrl(), dir.resolve("cache").toString());
        settings.put("interfeedback.basedir", dir.toString());
        settings.put("interfeedback.output.dir", out.toString());
        settings.put("interfeedback.human.page", "true");
        settings.forEach((key, value) -> command.add("--config=" + key + "=" + value));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void withHostileQuestion(Path dataset, String hostile) throws IOException {
        List<String> lines = Files.readAllLines(dataset, StandardCharsets.UTF_8);
        List<String> changed = new ArrayList<>();
        for (String line : lines) {
            ObjectNode row = (ObjectNode) JSON.readTree(line);
            row.put("question", row.path("question").asText() + " " + hostile);
            changed.add(JSON.writeValueAsString(row));
        }
        Files.write(dataset, changed, StandardCharsets.UTF_8);
    }
}
