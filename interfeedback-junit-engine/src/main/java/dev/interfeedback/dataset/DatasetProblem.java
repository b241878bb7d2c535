package dev.interfeedback.dataset;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a dataset file, located precisely enough to fix it in an editor.
 *
 * @param file the dataset file, as the caller named it
 * @param line 1-based line number, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown (only JSON syntax errors have one)
 * @param field the top-level field at fault, or null
 * @param message what was expected and what was found
 */
public record DatasetProblem(Path file, int line, int column, String field, String message) {

    public DatasetProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** Formats as {@code file:line[:column]: [field "f": ]message}, the shape compilers use. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file.toString());
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (field != null) {
            text.append("field \"").append(field).append("\": ");
        }
        return text.append(message).toString();
    }
}
