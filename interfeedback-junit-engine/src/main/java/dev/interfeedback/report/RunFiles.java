package dev.interfeedback.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The files of one run in its output directory: {@code results.json}, {@code episodes.jsonl} and
 * the transcripts. They are all of one run or absent: a run removes the previous run's before it
 * does anything else, and names itself in each by a run id, so a run that fails or is killed never
 * leaves an old {@code results.json} beside new or empty episodes. What makes a killed run
 * resumable (the journal, the response cache, the stored round-0 answers) is not among them.
 */
public final class RunFiles {

    public static final String RESULTS = "results.json";
    public static final String EPISODES = "episodes.jsonl";
    public static final String TRANSCRIPTS = "transcripts";
    /** The HTML report's folder (see {@link dev.interfeedback.report.html.HtmlReport}). */
    public static final String REPORT = "report";
    /** The verdict of the Maven plugin's {@code check} on this run, when it ran. */
    public static final String CHECK = "check.json";
    /** A shard's manifest (see {@code dev.interfeedback.bench.shard.ShardManifest}), of the run like the files above. */
    public static final String SHARD_MANIFEST = "shard.json";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private RunFiles() {}

    /** A new run's id: when it started, and a random part so that two runs of one second differ. */
    public static String newRunId() {
        return STAMP.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Removes the previous run's files from the directory; results.json first, so it never
     * outlives its episodes, and the check's verdict and the HTML report, which speak of them.
     */
    public static void clearPrevious(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(RESULTS));
        Files.deleteIfExists(dir.resolve(CHECK));
        Files.deleteIfExists(dir.resolve(EPISODES));
        Files.deleteIfExists(dir.resolve(SHARD_MANIFEST));
        deleteTree(dir.resolve(TRANSCRIPTS));
        deleteTree(dir.resolve(REPORT));
    }

    /** Removes a folder and everything in it, if it exists. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return;
        try (Stream<Path> files = Files.walk(folder)) {
            // Deepest first, so every folder is empty when its turn comes.
            files.sorted(Comparator.reverseOrder()).forEach(RunFiles::delete);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
