package dev.interfeedback.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The browser-test setup itself: a page loads, its script runs, its requests are seen. */
@ExtendWith(HeadlessChromium.class)
class HeadlessChromiumTest {

    @Test
    void aLocalPageRendersRunsItsScriptAndItsRequestsAreSeen(Browser browser, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pixel.png"), "not really a png");
        Path page = Files.writeString(dir.resolve("index.html"), """
                <!doctype html><title>probe</title>
                <p id="out">static</p>
                <img src="pixel.png">
                <script>document.getElementById('out').textContent = 'scripted';</script>
                """);

        browser.open(page.toUri());

        String text = browser.waitFor(d -> d.findElement(By.id("out")).getText());
        assertThat(text).isEqualTo("scripted");
        assertThat(browser.requestedUrls())
                .anyMatch(url -> url.endsWith("/index.html"))
                .anyMatch(url -> url.endsWith("/pixel.png"));
        assertThat(browser.screenshot(dir.resolve("shots/probe.png"))).isNotEmptyFile();
    }
}
