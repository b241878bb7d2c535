package dev.interfeedback.maven.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A JSON file that {@code check} reads and never believes: every field is taken through
 * {@link #field}, which names the file, the field's path and what was expected and found.
 */
public final class JsonFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public JsonFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The file's root object. */
    public JsonNode root(String whenMissing) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, whenMissing);
        } catch (JsonProcessingException e) {
            throw new ResultsFormatException(file, "not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (root == null || !root.isObject()) throw problem("", "expected a JSON object, found " + found(root));
        return root;
    }

    /** One line of a JSON Lines file, as an object. */
    public JsonNode line(String text, int number) throws ResultsFormatException {
        JsonNode line;
        try {
            line = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ResultsFormatException(file, "line " + number + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (line == null || !line.isObject()) throw problem("line " + number, "expected a JSON object, found " + found(line));
        return line;
    }

    /** A required field of the kind expected. */
    public JsonNode field(JsonNode parent, String path, String name, Expected expected) throws ResultsFormatException {
        JsonNode value = parent.get(name);
        if (!expected.accepts(value)) throw mismatch(join(path, name), expected.description(), value);
        return value;
    }

    /** An optional field: absent or null is empty, anything else must be of the kind expected. */
    public JsonNode optional(JsonNode parent, String path, String name, Expected expected) throws ResultsFormatException {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) return null;
        return field(parent, path, name, expected);
    }

    public ResultsFormatException mismatch(String path, String expected, JsonNode found) {
        return problem(path, "expected " + expected + ", found " + found(found));
    }

    /** A problem at a field, or the whole file when the path is empty. */
    public ResultsFormatException problem(String path, String message) {
        return new ResultsFormatException(file, path.isEmpty() ? message : path + ": " + message);
    }

    /** {@code benchmarks[0].counts} and {@code samples} give {@code benchmarks[0].counts.samples}; a line of a JSON Lines file is {@code line 3:}. */
    public static String join(String path, String field) {
        if (path.isEmpty()) return field;
        return path.endsWith(":") ? path + " " + field : path + "." + field;
    }

    /** The path of a line of a JSON Lines file, for {@link #field}. */
    public static String line(int number) {
        return "line " + number + ":";
    }

    private static String found(JsonNode node) {
        return node == null || node.isMissingNode() ? "nothing" : node.toString();
    }
}
