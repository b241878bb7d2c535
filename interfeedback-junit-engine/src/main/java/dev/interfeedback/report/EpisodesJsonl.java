package dev.interfeedback.report;

import dev.interfeedback.bench.EpisodeCodec;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.RoundZero;
import dev.interfeedback.report.html.ReportImages;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * Appends one line per finished episode to {@code episodes.jsonl}, flushed at once, so that what
 * is written survives a crash of the run.
 */
public final class EpisodesJsonl implements Closeable {

    // Writes a read line's values through the codec's generator, which keeps its escapes.
    private static final ObjectMapper TREES = new ObjectMapper();

    private final OutputStream out;
    private final String runId;
    private final ReportImages images;

    private EpisodesJsonl(OutputStream out, String runId, ReportImages images) {
        this.out = out;
        this.runId = runId;
        this.images = images;
    }

    /**
     * Starts a new file, replacing an old one.
     *
     * @param runId the run's id, written in every line (see {@link RunFiles})
     */
    public static EpisodesJsonl create(Path file, String runId) throws IOException {
        return create(file, runId, ReportImages.in(file.toAbsolutePath().getParent()));
    }

    /** @param images where the samples' images are copied for the HTML report */
    public static EpisodesJsonl create(Path file, String runId, ReportImages images) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new EpisodesJsonl(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), runId, images);
    }

    /** The episode alone, without its sample's question, images or the provider's answer. */
    public synchronized void append(String benchmark, Episode episode) {
        write(line(benchmark, episode, null, null));
    }

    /** A line another run wrote (a shard's, when shards merge), every field kept, as a line of this run. */
    public synchronized void appendAsWritten(JsonNode written) {
        write(EpisodeCodec.line(line -> {
            for (Map.Entry<String, JsonNode> field : written.properties()) {
                if (field.getKey().equals("runId")) {
                    line.writeStringField("runId", runId);
                } else {
                    line.writeFieldName(field.getKey());
                    TREES.writeTree(line, field.getValue());
                }
            }
        }));
    }

    /**
     * The episode with what a reader needs to follow it: the sample's question, options, ground
     * truth and images (copied for the report) and the provider's own round-0 answer.
     */
    public void append(String benchmark, Sample sample, RoundZero providerRoundZero, Episode episode) {
        // The line is built (and images copied) outside the lock: only the write is serial.
        byte[] line = line(benchmark, episode, sample, providerRoundZero);
        synchronized (this) {
            write(line);
        }
    }

    private void write(byte[] line) {
        try {
            out.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to episodes.jsonl", e);
        }
    }

    /** The episode's line: the benchmark id and the run's first, then the episode as the run journal keeps it, then its context. */
    private byte[] line(String benchmark, Episode episode, Sample sample, RoundZero provider) {
        return EpisodeCodec.line(line -> {
            line.writeStringField("benchmark", benchmark);
            line.writeStringField("runId", runId);
            EpisodeCodec.write(line, episode);
            if (sample != null) sample(line, sample);
            if (provider != null) providerRoundZero(line, provider);
        });
    }

    private void sample(JsonGenerator line, Sample sample) throws IOException {
        line.writeStringField("question", sample.question());
        line.writeArrayFieldStart("options");
        for (String option : sample.options()) line.writeString(option);
        line.writeEndArray();
        line.writeStringField("groundTruth", sample.answer());
        line.writeArrayFieldStart("images");
        for (Path image : sample.images()) {
            line.writeStartObject();
            line.writeStringField("name", String.valueOf(image.getFileName()));
            Optional<String> copy = images.copy(image);
            if (copy.isPresent()) line.writeStringField("file", copy.get());
            line.writeEndObject();
        }
        line.writeEndArray();
    }

    private static void providerRoundZero(JsonGenerator line, RoundZero provider) throws IOException {
        line.writeObjectFieldStart("providerRoundZero");
        line.writeStringField("answer", provider.response());
        line.writeStringField("finishReason", provider.finishReason());
        line.writeStringField("extracted", provider.verdict() == null ? null : provider.verdict().extracted());
        line.writeBooleanField("correct", provider.correct());
        if (provider.error() != null) line.writeStringField("error", provider.error());
        line.writeEndObject();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
