package dev.interfeedback.report.html;

import dev.interfeedback.report.RunFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The report people read: {@code report/index.html} in a run's output directory, built from the
 * run's saved files alone ({@code results.json}, {@code episodes.jsonl}, the check's verdict
 * {@code check.json} when the check ran, and the images copied into {@code report/images/} as the
 * run went). Static and offline: it opens from {@code file://} or any static host and requests
 * nothing outside its folder, under a Content-Security-Policy that allows only its own files.
 *
 * <p>This is the one entry point for every tool that writes a report (the command-line runner,
 * the Maven goals); it may be called again on the same directory, after the check or to compare
 * with another run, and rewrites the page and its data, keeping the images.
 */
public final class HtmlReport {

    private static final String RESOURCES = "/dev/interfeedback/report/html/";

    private HtmlReport() {}

    /** The report's folder in an output directory. */
    public static Path folder(Path outputDir) {
        return outputDir.resolve(RunFiles.REPORT);
    }

    /**
     * Writes the report of the run in {@code outputDir}.
     *
     * @return the page, {@code <outputDir>/report/index.html}
     * @throws IOException when the run's files cannot be read (the message names the file, and the
     *     line of {@code episodes.jsonl}) or the report cannot be written
     */
    public static Path write(Path outputDir) throws IOException {
        return write(outputDir, null);
    }

    /**
     * Writes the report of the run in {@code outputDir}, beside the run in {@code compareTo}
     * (another output directory) when that is not null: both runs' figures side by side, and
     * sample by sample, the samples that changed verdict first.
     */
    public static Path write(Path outputDir, Path compareTo) throws IOException {
        return write(outputDir, compareTo, folder(outputDir));
    }

    /**
     * As {@link #write(Path, Path)}, into another folder (a site's) than the run's own, with a
     * copy of the run's images; the run's own report is left as it is.
     */
    public static Path write(Path outputDir, Path compareTo, Path into) throws IOException {
        SavedRun run = SavedRun.read(outputDir);
        Comparison comparison = compareTo == null ? null : Comparison.of(run, SavedRun.read(compareTo));
        Path dir = into;
        Files.createDirectories(dir);
        Path images = folder(outputDir).resolve(ReportImages.FOLDER);
        if (!dir.toAbsolutePath().normalize().equals(folder(outputDir).toAbsolutePath().normalize()) && Files.isDirectory(images)) {
            RunFiles.deleteTree(dir.resolve(ReportImages.FOLDER));
            Files.createDirectories(dir.resolve(ReportImages.FOLDER));
            try (var files = Files.list(images)) {
                for (Path image : (Iterable<Path>) files::iterator) Files.copy(image, dir.resolve(ReportImages.FOLDER).resolve(image.getFileName()));
            }
        }
        RunFiles.deleteTree(dir.resolve(SampleData.FOLDER));
        SampleData.write(run, dir, comparison == null ? null : comparison.otherStatus);
        copyResource("report.js", dir);
        copyResource("report.css", dir);
        Path page = dir.resolve("index.html");
        Path temp = dir.resolve("index.html.tmp");
        Files.writeString(temp, Page.render(run, comparison), StandardCharsets.UTF_8);
        Files.move(temp, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return page;
    }

    private static void copyResource(String name, Path dir) throws IOException {
        try (InputStream in = HtmlReport.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) throw new IOException("the report's " + name + " is missing from the classpath");
            Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
