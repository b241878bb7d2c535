package dev.interfeedback.maven.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads each sample's status from {@code episodes.jsonl}: benchmark id → sample id → status. */
public final class EpisodesFile {

    private static final Set<String> STATUSES =
            Set.of("CORRECT_AT_ROUND_0", "CORRECTED", "NOT_CORRECTED", "EXCLUDED", "ERROR");

    private EpisodesFile() {}

    public static Map<String, Map<String, String>> statuses(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Map<String, String>> statuses = new TreeMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) continue;
                JsonNode episode;
                try {
                    episode = mapper.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new ResultsFormatException(file, "line " + number + ": not valid JSON: " + e.getOriginalMessage(), e);
                }
                String benchmark = episode.path("benchmark").asText(null);
                String sample = episode.path("sampleId").asText(null);
                String status = episode.path("status").asText(null);
                if (benchmark == null || sample == null) {
                    throw new ResultsFormatException(file, "line " + number + ": expected fields \"benchmark\" and \"sampleId\"");
                }
                if (!STATUSES.contains(status)) {
                    throw new ResultsFormatException(file, "line " + number + ": field \"status\": expected one of "
                            + new java.util.TreeSet<>(STATUSES) + ", found " + status);
                }
                // A resumed run may append a sample twice; the last line is the final word.
                statuses.computeIfAbsent(benchmark, b -> new TreeMap<>()).put(sample, status);
            }
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "run interfeedback:evaluate first (phase integration-test)");
        }
        return statuses;
    }
}
