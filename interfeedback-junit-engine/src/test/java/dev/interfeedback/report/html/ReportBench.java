package dev.interfeedback.report.html;

import dev.interfeedback.testing.Browser;
import dev.interfeedback.testing.HeadlessChromium;
import dev.interfeedback.testing.SyntheticDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;

/**
 * The report at scale (not a test; {@code bench/report.sh} runs it): a run of N samples with an
 * image each on the simulator through the command-line runner, then the time to write the report
 * from its saved files, and the page's time to first render and to a filled sample list in
 * headless Chromium, each the median of several tries.
 */
public final class ReportBench {

    public static void main(String[] args) throws Exception {
        int samples = 10_000, tries = 5;
        Path work = Path.of("target/report-bench");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--samples" -> samples = Integer.parseInt(args[i + 1]);
                case "--tries" -> tries = Integer.parseInt(args[i + 1]);
                case "--work" -> work = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; known: --samples, --tries, --work");
            }
        }
        Files.createDirectories(work);
        Path dataset = SyntheticDataset.write(work.resolve("dataset"), samples);
        Path output = work.resolve("out");
        long runStart = System.nanoTime();
        ReportRuns.run(List.of("interfeedback.dataset=" + dataset, "interfeedback.output.dir=" + output,
                "interfeedback.model.receiver.url=simulator:?accuracy=0.45&seed=1",
                "interfeedback.model.provider.url=simulator:?accuracy=0.85&seed=2",
                "interfeedback.resume=false", "interfeedback.progress.interval-seconds=0"), Map.of());
        double runSeconds = (System.nanoTime() - runStart) / 1e9;

        List<Double> generation = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            long start = System.nanoTime();
            HtmlReport.write(output);
            generation.add((System.nanoTime() - start) / 1e6);
        }

        Path page = output.resolve("report/index.html");
        List<Double> firstPaint = new ArrayList<>(), contentLoaded = new ArrayList<>(), listReady = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            try (Browser browser = Browser.start(HeadlessChromium.chromium(), HeadlessChromium.chromedriver(), true)) {
                browser.open(page.toUri());
                String expected = samples + " of " + samples + " samples";
                browser.waitFor(d -> d.findElement(By.id("sample-count")).getText().startsWith(expected));
                firstPaint.add(number(browser.script(
                        "return performance.getEntriesByName('first-contentful-paint')[0].startTime")));
                contentLoaded.add(number(browser.script(
                        "const n = performance.getEntriesByType('navigation')[0]; return n.domContentLoadedEventEnd")));
                // The mark the page's script sets once the list is rendered.
                listReady.add(number(browser.script(
                        "return performance.getEntriesByName('interfeedback-samples-listed')[0].startTime")));
            }
        }

        long files, bytes;
        try (Stream<Path> all = Files.walk(output.resolve("report"))) {
            List<Path> list = all.filter(Files::isRegularFile).toList();
            files = list.size();
            bytes = 0;
            for (Path file : list) bytes += Files.size(file);
        }
        System.out.printf(Locale.ROOT, "samples                          %,d (run on the simulator in %.1f s, report included)%n", samples, runSeconds);
        System.out.printf(Locale.ROOT, "report files                     %,d (%.1f MB; index.js %.2f MB, %d transcript chunks, %d images)%n",
                files, bytes / 1e6, Files.size(output.resolve("report/data/index.js")) / 1e6,
                count(output.resolve("report/data")) - 1, count(output.resolve("report/images")));
        System.out.printf(Locale.ROOT, "report generation (median of %d) %.0f ms (all: %s)%n", tries, median(generation), generation);
        System.out.printf(Locale.ROOT, "first contentful paint (median)  %.0f ms (all: %s)%n", median(firstPaint), firstPaint);
        System.out.printf(Locale.ROOT, "DOMContentLoaded (median)        %.0f ms%n", median(contentLoaded));
        System.out.printf(Locale.ROOT, "sample list rendered (median)    %.0f ms%n", median(listReady));
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
