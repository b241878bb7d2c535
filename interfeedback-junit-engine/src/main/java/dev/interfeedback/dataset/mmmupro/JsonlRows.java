package dev.interfeedback.dataset.mmmupro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.dataset.DatasetException;
import dev.interfeedback.dataset.DatasetProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads MMMU-Pro rows from JSONL, one row per line with the Hugging Face column names, where an
 * image column holds a path relative to the file's folder (or an object with a {@code path}).
 * Blank lines are skipped; line numbers are the row numbers.
 */
final class JsonlRows {

    private final ObjectMapper mapper = new ObjectMapper();

    void read(Path file, RowVisitor visitor) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = mapper.readTree(line);
                } catch (JsonProcessingException e) {
                    if (!visitor.unreadable(file, number, "malformed JSON: " + e.getOriginalMessage())) {
                        return;
                    }
                    continue;
                }
                if (!node.isObject()) {
                    if (!visitor.unreadable(file, number, "expected a JSON object")) {
                        return;
                    }
                    continue;
                }
                Map<String, Object> values = new HashMap<>();
                node.properties().forEach(field -> values.put(field.getKey(), value(field.getValue())));
                if (!visitor.row(new RawRow(file, number, values))) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new DatasetException(new DatasetProblem(file, 0, 0, null, "cannot read: " + e), e);
        }
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isNull() ? null : item.asText()));
            return items;
        }
        if (node.isObject()) {
            JsonNode path = node.get("path");
            return new ImageCell(null, path == null || path.isNull() ? null : path.asText());
        }
        return node.asText();
    }
}
