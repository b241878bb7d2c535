package dev.interfeedback.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.report.RunFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run's saved files, as the report reads them: {@code results.json}, {@code episodes.jsonl}
 * line by line, and the check's verdict when the check ran. Fields the report does not know are
 * ignored, so files written by later versions still open.
 */
final class SavedRun {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Told of each episode line in turn. */
    @FunctionalInterface
    interface EpisodeVisitor {
        void visit(JsonNode episode) throws IOException;
    }

    final Path dir;
    final JsonNode results;
    final JsonNode check;

    private SavedRun(Path dir, JsonNode results, JsonNode check) {
        this.dir = dir;
        this.results = results;
        this.check = check;
    }

    static SavedRun read(Path dir) throws IOException {
        Path results = dir.resolve(RunFiles.RESULTS);
        if (!Files.isRegularFile(results)) {
            throw new IOException("no " + RunFiles.RESULTS + " in " + dir + ": run the benchmarks first");
        }
        JsonNode root = json(results);
        if (!root.path("benchmarks").isArray()) {
            throw new IOException(results + ": benchmarks: expected an array of benchmarks");
        }
        Path check = dir.resolve(RunFiles.CHECK);
        return new SavedRun(dir, root, Files.isRegularFile(check) ? json(check) : null);
    }

    String runId() {
        return results.path("runId").asText("");
    }

    /** Every line of {@code episodes.jsonl} in order; a missing file is a run without episodes. */
    void episodes(EpisodeVisitor visitor) throws IOException {
        Path file = dir.resolve(RunFiles.EPISODES);
        if (!Files.isRegularFile(file)) return;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line; (line = lines.readLine()) != null; ) {
                number++;
                if (line.isBlank()) continue;
                JsonNode episode;
                try {
                    episode = MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new IOException(file + " line " + number + ": expected a JSON object: " + e.getOriginalMessage());
                }
                if (!episode.path("benchmark").isTextual() || !episode.path("sampleId").isTextual()) {
                    throw new IOException(file + " line " + number + ": expected the fields benchmark and sampleId as strings");
                }
                visitor.visit(episode);
            }
        }
    }

    private static JsonNode json(Path file) throws IOException {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": expected JSON: " + e.getOriginalMessage());
        }
    }
}
