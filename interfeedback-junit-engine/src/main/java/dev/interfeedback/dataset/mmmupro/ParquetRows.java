package dev.interfeedback.dataset.mmmupro;

import dev.interfeedback.dataset.DatasetException;
import dev.interfeedback.dataset.DatasetProblem;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the rows of a parquet file through DuckDB's embedded engine (its JDBC driver carries the
 * native library, so nothing is installed and nothing leaves the process). Results are streamed,
 * one row at a time, so a config of 1,730 rows with their images does not sit in memory at once.
 *
 * <p>Hugging Face stores an image column as a struct {@code {bytes BLOB, path VARCHAR}}; the two
 * fields are selected separately and handed on as an {@link ImageCell}. A plain BLOB column (bytes
 * only) or VARCHAR column (a path only) is accepted too. List columns become lists of strings.
 */
final class ParquetRows {

    private static final String STREAM_RESULTS = "jdbc_stream_results";

    void read(Path file, RowVisitor visitor) {
        ParquetDriver.require(file, ParquetDriver.DRIVER_CLASS);
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty(STREAM_RESULTS, "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties)) {
            Map<String, String> types = columnTypes(connection, file);
            visitor.columns(file, types.keySet());
            List<Column> columns = new ArrayList<>();
            StringBuilder select = new StringBuilder("SELECT ");
            for (Map.Entry<String, String> column : types.entrySet()) {
                Column c = Column.of(column.getKey(), column.getValue());
                columns.add(c);
                select.append(columns.size() > 1 ? ", " : "").append(c.selectList());
            }
            select.append(" FROM read_parquet(?)");
            try (PreparedStatement statement = connection.prepareStatement(select.toString())) {
                statement.setString(1, file.toString());
                try (ResultSet rows = statement.executeQuery()) {
                    int number = 0;
                    while (rows.next()) {
                        number++;
                        Map<String, Object> values = new HashMap<>();
                        int index = 1;
                        for (Column c : columns) {
                            index = c.read(rows, index, values);
                        }
                        if (!visitor.row(new RawRow(file, number, values))) {
                            return;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new DatasetException(new DatasetProblem(file, 0, 0, null,
                    "cannot read as parquet: " + firstLine(e.getMessage())), e);
        }
    }

    private static Map<String, String> columnTypes(Connection connection, Path file) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM read_parquet(?) LIMIT 0")) {
            statement.setString(1, file.toString());
            try (ResultSet empty = statement.executeQuery()) {
                ResultSetMetaData meta = empty.getMetaData();
                Map<String, String> types = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    types.put(meta.getColumnName(i), meta.getColumnTypeName(i));
                }
                return types;
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** How one column is selected and read back. */
    private record Column(String name, Kind kind) {

        enum Kind { TEXT, LIST, IMAGE_STRUCT, IMAGE_BYTES, OTHER }

        static Column of(String name, String type) {
            String t = type.toUpperCase(Locale.ROOT);
            Kind kind;
            if (t.startsWith("STRUCT") && t.contains("BYTES") && t.contains("PATH")) {
                kind = Kind.IMAGE_STRUCT;
            } else if (t.equals("BLOB")) {
                kind = Kind.IMAGE_BYTES;
            } else if (t.endsWith("[]")) {
                kind = Kind.LIST;
            } else if (t.equals("VARCHAR")) {
                kind = Kind.TEXT;
            } else {
                kind = Kind.OTHER;
            }
            return new Column(name, kind);
        }

        String quoted() {
            return "\"" + name.replace("\"", "\"\"") + "\"";
        }

        String selectList() {
            return kind == Kind.IMAGE_STRUCT
                    ? quoted() + ".\"bytes\", " + quoted() + ".\"path\""
                    : kind == Kind.OTHER ? "CAST(" + quoted() + " AS VARCHAR)" : quoted();
        }

        /** Reads this column's value(s) starting at {@code index}; returns the next index. */
        int read(ResultSet rows, int index, Map<String, Object> values) throws SQLException {
            switch (kind) {
                case IMAGE_STRUCT -> {
                    byte[] bytes = bytes(rows, index);
                    String path = rows.getString(index + 1);
                    values.put(name, bytes == null && path == null ? null : new ImageCell(bytes, path));
                    return index + 2;
                }
                case IMAGE_BYTES -> {
                    byte[] bytes = bytes(rows, index);
                    values.put(name, bytes == null ? null : new ImageCell(bytes, null));
                    return index + 1;
                }
                case LIST -> {
                    Array array = rows.getArray(index);
                    values.put(name, array == null ? null : strings((Object[]) array.getArray()));
                    return index + 1;
                }
                default -> {
                    values.put(name, rows.getString(index));
                    return index + 1;
                }
            }
        }

        private static byte[] bytes(ResultSet rows, int index) throws SQLException {
            Blob blob = rows.getBlob(index);
            if (blob == null) {
                return null;
            }
            return blob.getBytes(1, Math.toIntExact(blob.length()));
        }

        private static List<String> strings(Object[] elements) {
            List<String> out = new ArrayList<>(elements.length);
            Arrays.stream(elements).forEach(e -> out.add(e == null ? null : e.toString()));
            return out;
        }
    }
}
