package dev.interfeedback.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for one test, with what browser tests ask of a page beyond Selenium's
 * own API: every network request it made, what it logged to its console, and a screenshot.
 *
 * <p>Requests are read from Chromium's performance log rather than through DevTools bindings, so
 * the test does not depend on Selenium knowing this Chromium's exact version.
 */
public final class Browser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final Path profile;
    private final List<JsonNode> performanceLog = new ArrayList<>();

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser start(Path chromium, Path chromedriver, boolean javascript) {
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            // The flags this machine's closed network needs: no background connections at all.
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-extensions",
                    "--window-size=1400,1000",
                    "--user-data-dir=" + profile);
            if (!javascript) options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(URI page) {
        driver.get(page.toString());
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition::apply);
    }

    public Object script(String javascript, Object... args) {
        return driver.executeScript(javascript, args);
    }

    /** The URL of every request the page asked the network for since the browser started. */
    public List<String> requestedUrls() {
        drainPerformanceLog();
        List<String> urls = new ArrayList<>();
        for (JsonNode message : performanceLog) {
            if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                urls.add(message.path("params").path("request").path("url").asText());
            }
        }
        return urls;
    }

    /** What the page wrote to its console, and the errors the browser reported for it. */
    public List<String> consoleMessages() {
        List<String> lines = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            lines.add(entry.getLevel() + " " + entry.getMessage());
        }
        return lines;
    }

    /** Whether the page opened an alert, confirm or prompt dialog (which is then dismissed). */
    public boolean alertOpen() {
        try {
            driver.switchTo().alert().dismiss();
            return true;
        } catch (org.openqa.selenium.NoAlertPresentException e) {
            return false;
        }
    }

    /** Saves a PNG of the viewport, creating the folder. */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drainPerformanceLog() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                performanceLog.add(JSON.readTree(entry.getMessage()).path("message"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // A profile left in the temp folder harms nothing.
            }
        }
    }
}
