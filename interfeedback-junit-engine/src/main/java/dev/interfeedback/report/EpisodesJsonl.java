package dev.interfeedback.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.bench.EpisodeCodec;
import dev.interfeedback.episode.Episode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one line per finished episode to {@code episodes.jsonl}, flushed at once, so that what
 * is written survives a crash of the run.
 */
public final class EpisodesJsonl implements Closeable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final EpisodeCodec CODEC = new EpisodeCodec(MAPPER);

    private final BufferedWriter out;

    private EpisodesJsonl(BufferedWriter out) {
        this.out = out;
    }

    /** Starts a new file, replacing an old one. */
    public static EpisodesJsonl create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new EpisodesJsonl(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
    }

    public synchronized void append(String benchmark, Episode episode) {
        try {
            out.write(MAPPER.writeValueAsString(toJson(benchmark, episode)));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to episodes.jsonl", e);
        }
    }

    /** The episode's line: the benchmark id first, then the episode as the run journal keeps it. */
    public static ObjectNode toJson(String benchmark, Episode episode) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("benchmark", benchmark);
        node.setAll(CODEC.write(episode));
        return node;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
