package dev.interfeedback.dataset.mmmupro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes real parquet files in MMMU-Pro's published schema with DuckDB itself: image columns are
 * the Hugging Face image struct {@code {bytes BLOB, path VARCHAR}}, {@code options} and
 * {@code img_type} are strings holding a Python list.
 */
final class ParquetFixtures {

    static final Path REAL = Path.of("src/test/resources/mmmu-pro");
    static final String IMAGE = "STRUCT(bytes BLOB, path VARCHAR)";

    private ParquetFixtures() {}

    /** One row of the standard configs; image values are files whose bytes go in the struct. */
    static Map<String, Object> standardRow(String id, String question, String options, String answer, Path... images) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("question", question);
        row.put("options", options);
        row.put("explanation", "?");
        for (int i = 1; i <= 7; i++) {
            row.put("image_" + i, i <= images.length ? images[i - 1] : null);
        }
        row.put("img_type", "['Diagrams']");
        row.put("answer", answer);
        row.put("topic_difficulty", "Medium");
        row.put("subject", "History");
        return row;
    }

    /** The 16 real rows of the shared sample, with their images as bytes. */
    static List<Map<String, Object>> realStandardRows() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(REAL.resolve("standard-10-options.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            Map<String, Object> row = new LinkedHashMap<>();
            for (String column : List.of("id", "question", "options", "explanation")) {
                row.put(column, node.get(column).asText());
            }
            for (int i = 1; i <= 7; i++) {
                JsonNode image = node.get("image_" + i);
                row.put("image_" + i, image.isNull() ? null : REAL.resolve(image.asText()));
            }
            for (String column : List.of("img_type", "answer", "topic_difficulty", "subject")) {
                row.put(column, node.get(column).asText());
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * Writes rows to {@code target}. Column types: a {@link Path} value (or a column named
     * image*) is an image struct, a {@link List} a VARCHAR list, anything else VARCHAR. Every row
     * must have the same columns in the same order.
     */
    static Path write(Path target, List<Map<String, Object>> rows) throws SQLException, IOException {
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        StringBuilder create = new StringBuilder("CREATE TABLE t (");
        StringBuilder insert = new StringBuilder("INSERT INTO t VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String type = type(column, rows);
            create.append(i > 0 ? ", " : "").append('"').append(column).append("\" ").append(type);
            insert.append(i > 0 ? ", " : "");
            insert.append(type.equals(IMAGE) ? "CASE WHEN ? THEN {'bytes': ?::BLOB, 'path': ?} END" : "?");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute(create.append(")").toString());
            try (PreparedStatement prepared = connection.prepareStatement(insert.append(")").toString())) {
                for (Map<String, Object> row : rows) {
                    int p = 1;
                    for (String column : columns) {
                        Object value = row.get(column);
                        if (type(column, rows).equals(IMAGE)) {
                            Path image = (Path) value;
                            prepared.setBoolean(p++, image != null);
                            prepared.setBytes(p++, image == null ? null : Files.readAllBytes(image));
                            prepared.setString(p++, image == null ? null : image.getFileName().toString());
                        } else if (value instanceof List<?> list) {
                            prepared.setObject(p++, connection.createArrayOf("VARCHAR", list.toArray()));
                        } else {
                            prepared.setString(p++, (String) value);
                        }
                    }
                    prepared.addBatch();
                }
                prepared.executeBatch();
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            statement.execute("COPY t TO '" + target.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        return target;
    }

    private static String type(String column, List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            Object value = row.get(column);
            if (value instanceof Path) {
                return IMAGE;
            }
            if (value instanceof List<?>) {
                return "VARCHAR[]";
            }
        }
        return column.startsWith("image") ? IMAGE : "VARCHAR";
    }
}
