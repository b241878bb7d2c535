package dev.interfeedback.report;

import dev.interfeedback.bench.EpisodeCodec;
import dev.interfeedback.episode.Episode;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one line per finished episode to {@code episodes.jsonl}, flushed at once, so that what
 * is written survives a crash of the run.
 */
public final class EpisodesJsonl implements Closeable {

    private final OutputStream out;
    private final String runId;

    private EpisodesJsonl(OutputStream out, String runId) {
        this.out = out;
        this.runId = runId;
    }

    /**
     * Starts a new file, replacing an old one.
     *
     * @param runId the run's id, written in every line (see {@link RunFiles})
     */
    public static EpisodesJsonl create(Path file, String runId) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new EpisodesJsonl(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), runId);
    }

    public synchronized void append(String benchmark, Episode episode) {
        try {
            out.write(line(benchmark, episode));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to episodes.jsonl", e);
        }
    }

    /** The episode's line: the benchmark id and the run's first, then the episode as the run journal keeps it. */
    private byte[] line(String benchmark, Episode episode) {
        return EpisodeCodec.line(line -> {
            line.writeStringField("benchmark", benchmark);
            line.writeStringField("runId", runId);
            EpisodeCodec.write(line, episode);
        });
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
