package dev.interfeedback.maven.results;

import static dev.interfeedback.maven.results.Expected.STATUS;
import static dev.interfeedback.maven.results.Expected.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Reads {@code episodes.jsonl}: each benchmark's samples with their status, category and run. */
public final class EpisodesFile {

    /**
     * One sample's last line.
     *
     * @param runId the run that wrote it, or null when written before runs had ids
     * @param line its line number
     */
    public record Episode(String status, String category, String runId, int line) {}

    private final Path file;
    private final Map<String, Map<String, Episode>> episodes;

    private EpisodesFile(Path file, Map<String, Map<String, Episode>> episodes) {
        this.file = file;
        this.episodes = episodes;
    }

    public static EpisodesFile read(Path file) throws IOException {
        JsonFile json = new JsonFile(file);
        Map<String, Map<String, Episode>> episodes = new TreeMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) continue;
                JsonNode line = json.line(text, number);
                String at = JsonFile.line(number);
                String benchmark = json.field(line, at, "benchmark", STRING).asText();
                String sample = json.field(line, at, "sampleId", STRING).asText();
                JsonNode runId = json.optional(line, at, "runId", STRING);
                Episode episode = new Episode(json.field(line, at, "status", STATUS).asText(),
                        json.field(line, at, "category", STRING).asText(), runId == null ? null : runId.asText(), number);
                // A resumed run may append a sample twice; the last line is the final word.
                episodes.computeIfAbsent(benchmark, b -> new TreeMap<>()).put(sample, episode);
            }
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, ResultsFile.RUN_EVALUATE);
        }
        return new EpisodesFile(file, episodes);
    }

    public Path path() {
        return file;
    }

    /** Benchmark id → sample id → its last line. */
    public Map<String, Map<String, Episode>> episodes() {
        return episodes;
    }

    /** Benchmark id → sample id → status. */
    public Map<String, Map<String, String>> statuses() {
        Map<String, Map<String, String>> statuses = new TreeMap<>();
        episodes.forEach((benchmark, samples) -> samples.forEach(
                (sample, episode) -> statuses.computeIfAbsent(benchmark, b -> new TreeMap<>()).put(sample, episode.status())));
        return statuses;
    }
}
