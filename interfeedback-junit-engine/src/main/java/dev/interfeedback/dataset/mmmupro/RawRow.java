package dev.interfeedback.dataset.mmmupro;

import java.nio.file.Path;
import java.util.Map;

/**
 * One row as read from a file, before any check: column name to a String, a List of String (a
 * parquet list column), an {@link ImageCell}, or null. Only columns the file has are keys, so a
 * missing column and an empty cell can be told apart.
 *
 * @param file the file the row is in
 * @param number the 1-based row number within that file (the line, for JSONL)
 */
record RawRow(Path file, int number, Map<String, Object> values) {

    boolean has(String column) {
        return values.containsKey(column);
    }

    Object get(String column) {
        return values.get(column);
    }
}
