package dev.interfeedback.junit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

    private static final JsonFactory JSON = new JsonFactory();

    private DatasetLines() {}

    static Map<String, Integer> of(Path file) {
        Map<String, Integer> lines = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (int number = 1; (line = reader.readLine()) != null; number++) {
                if (line.isBlank()) continue;
                try {
                    String id = id(line.replace("\uFEFF", ""));
                    if (id != null) lines.putIfAbsent(id, number);
                } catch (IOException e) {
                    // no position for this row; the loader reported anything that matters
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return lines;
    }

    /**
     * The row's top-level {@code id}, read without building the row (the loader built it once
     * already): the fields before it are skipped, those after it never read.
     */
    private static String id(String row) throws IOException {
        try (JsonParser parser = JSON.createParser(row)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) return null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean isId = parser.currentName().equals("id");
                JsonToken value = parser.nextToken();
                if (isId) return value.isScalarValue() ? parser.getText() : null;
                parser.skipChildren();
            }
            return null;
        }
    }
}
