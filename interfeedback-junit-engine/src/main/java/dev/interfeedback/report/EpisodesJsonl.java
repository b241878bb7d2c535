package dev.interfeedback.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.Round;
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

    public static ObjectNode toJson(String benchmark, Episode episode) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("benchmark", benchmark);
        node.put("sampleId", episode.sampleId());
        node.put("category", episode.category());
        node.put("status", episode.status().name());
        if (episode.correctedAtRound() == null) node.putNull("correctedAtRound");
        else node.put("correctedAtRound", episode.correctedAtRound());
        ArrayNode rounds = node.putArray("rounds");
        for (Round round : episode.rounds()) {
            ObjectNode r = rounds.addObject();
            r.put("round", round.round());
            r.put("answer", round.answer());
            r.put("extracted", round.extracted());
            r.put("correct", round.correct());
            r.put("feedback", round.feedback());
            if (round.feedback() != null) r.put("leakGuard", round.leakGuard().name());
        }
        if (episode.error() != null) node.put("error", episode.error());
        return node;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
