package dev.interfeedback.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The line each sample id is on, so that an IDE jumps from a test to its row. The loader has
 * already validated the file; a line this cannot read is simply left without a position.
 */
final class DatasetLines {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DatasetLines() {}

    static Map<String, Integer> of(Path file) {
        Map<String, Integer> lines = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (int number = 1; (line = reader.readLine()) != null; number++) {
                if (line.isBlank()) continue;
                try {
                    JsonNode id = MAPPER.readTree(line.replace("\uFEFF", "")).get("id");
                    if (id != null && id.isValueNode()) lines.putIfAbsent(id.asText(), number);
                } catch (IOException e) {
                    // no position for this row; the loader reported anything that matters
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return lines;
    }
}
