package dev.interfeedback.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interfeedback.text.DidYouMean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one parsed JSONL row and builds its {@link Sample}. Reports every wrong field of the row,
 * not just the first, so a user fixes a row in one pass.
 */
final class SampleRowReader {

    static final List<String> KNOWN_FIELDS =
            List.of("id", "question", "images", "options", "answer", "category", "metadata");

    private final Path file;
    private final ImagePathResolver images;

    SampleRowReader(Path file, ImagePathResolver images) {
        this.file = file;
        this.images = images;
    }

    /** Returns the sample, or empty after adding at least one problem to {@code problems}. */
    Optional<Sample> read(JsonNode row, int line, List<DatasetProblem> problems) {
        int before = problems.size();
        if (!row.isObject()) {
            problems.add(new DatasetProblem(file, line, 0, null,
                    "expected a JSON object, found " + JsonValues.describe(row)));
            return Optional.empty();
        }
        row.fieldNames().forEachRemaining(name -> {
            if (!KNOWN_FIELDS.contains(name)) {
                problems.add(new DatasetProblem(file, line, 0, name, unknownFieldMessage(name)));
            }
        });

        Field field = new Field(row, line, problems);
        String id = field.read("id", node -> requireString(node, true));
        String question = field.read("question", node -> requireString(node, true));
        String answer = field.read("answer", SampleRowReader::answerText);
        List<Path> imagePaths = field.readOptional("images", List.of(), this::imagePaths);
        List<String> options = field.readOptional("options", List.of(), SampleRowReader::options);
        String category = field.readOptional("category", null, node -> requireString(node, false));
        Map<String, Object> metadata = field.readOptional("metadata", Map.of(), SampleRowReader::metadata);

        // The letter check needs both fields; if either is broken it was reported already.
        if (answer != null && options != null && !options.isEmpty()) {
            field.check("answer", () -> requireOptionLetter(answer, options.size()));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Sample(id, question, imagePaths, options, answer, category, metadata));
    }

    private static String unknownFieldMessage(String name) {
        String known = String.join(", ", KNOWN_FIELDS);
        return DidYouMean.closest(name, KNOWN_FIELDS)
                .map(k -> "unknown field (did you mean \"" + k + "\"?); known fields are " + known)
                .orElse("unknown field; known fields are " + known);
    }

    private static String requireString(JsonNode node, boolean nonBlank) throws InvalidValueException {
        if (!node.isTextual()) {
            throw new InvalidValueException("expected a string, found " + JsonValues.describe(node));
        }
        if (nonBlank && node.textValue().isBlank()) {
            throw new InvalidValueException("expected a non-blank string, found \"" + node.textValue() + "\"");
        }
        return node.textValue();
    }

    private static String answerText(JsonNode node) throws InvalidValueException {
        if (node.isNumber()) {
            // The text as written (the mapper keeps decimals exact), so 2.50 stays "2.50".
            return node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.decimalValue().toPlainString();
        }
        if (!node.isTextual()) {
            throw new InvalidValueException("expected a string or a number, found " + JsonValues.describe(node));
        }
        if (node.textValue().isBlank()) {
            throw new InvalidValueException("expected a non-blank answer, found \"" + node.textValue() + "\"");
        }
        return node.textValue();
    }

    private static List<String> strings(JsonNode node) throws InvalidValueException {
        if (!node.isArray()) {
            throw new InvalidValueException("expected an array of strings, found " + JsonValues.describe(node));
        }
        List<String> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (!element.isTextual()) {
                throw new InvalidValueException("expected an array of strings, found "
                        + JsonValues.describe(element) + " at index " + i);
            }
            values.add(element.textValue());
        }
        return values;
    }

    private List<Path> imagePaths(JsonNode node) throws InvalidValueException {
        List<String> written = strings(node);
        List<Path> resolved = new ArrayList<>(written.size());
        for (int i = 0; i < written.size(); i++) {
            try {
                resolved.add(images.resolve(written.get(i)));
            } catch (InvalidValueException e) {
                throw new InvalidValueException(e.getMessage() + " (at index " + i + ")");
            }
        }
        return resolved;
    }

    private static List<String> options(JsonNode node) throws InvalidValueException {
        List<String> options = strings(node);
        if (options.size() > 26) {
            throw new InvalidValueException("expected at most 26 options (letters A-Z), found " + options.size());
        }
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).isBlank()) {
                throw new InvalidValueException("expected non-blank options, found a blank one at index " + i);
            }
        }
        return options;
    }

    private static Map<String, Object> metadata(JsonNode node) throws InvalidValueException {
        if (!node.isObject()) {
            throw new InvalidValueException("expected an object, found " + JsonValues.describe(node));
        }
        // Sample keeps metadata in Map.copyOf, which cannot hold null; a null entry reads as absent.
        Map<String, Object> values = new LinkedHashMap<>();
        JsonValues.toJavaMap(node).forEach((k, v) -> {
            if (v != null) {
                values.put(k, v);
            }
        });
        return values;
    }

    private static void requireOptionLetter(String answer, int optionCount) throws InvalidValueException {
        char last = (char) ('A' + optionCount - 1);
        boolean letter = answer.length() == 1 && answer.charAt(0) >= 'A' && answer.charAt(0) <= last;
        if (!letter) {
            throw new InvalidValueException("expected an option letter A-" + last + " (the row has "
                    + optionCount + " options), found \"" + answer + "\"");
        }
    }

    @FunctionalInterface
    private interface Conversion<T> {
        T apply(JsonNode node) throws InvalidValueException;
    }

    @FunctionalInterface
    private interface Check {
        void run() throws InvalidValueException;
    }

    /** Reads fields of one row, turning each failure into a problem located at that field. */
    private final class Field {
        private final JsonNode row;
        private final int line;
        private final List<DatasetProblem> problems;

        Field(JsonNode row, int line, List<DatasetProblem> problems) {
            this.row = row;
            this.line = line;
            this.problems = problems;
        }

        <T> T read(String name, Conversion<T> conversion) {
            JsonNode node = row.get(name);
            if (node == null) {
                problems.add(new DatasetProblem(file, line, 0, name, "required field is missing"));
                return null;
            }
            return convert(name, node, conversion, null);
        }

        /** Absent and null both mean "not given": JSON writers differ in which one they emit. */
        <T> T readOptional(String name, T absent, Conversion<T> conversion) {
            JsonNode node = row.get(name);
            if (node == null || node.isNull()) {
                return absent;
            }
            return convert(name, node, conversion, null);
        }

        void check(String name, Check check) {
            try {
                check.run();
            } catch (InvalidValueException e) {
                problems.add(new DatasetProblem(file, line, 0, name, e.getMessage()));
            }
        }

        private <T> T convert(String name, JsonNode node, Conversion<T> conversion, T onError) {
            try {
                return conversion.apply(node);
            } catch (InvalidValueException e) {
                problems.add(new DatasetProblem(file, line, 0, name, e.getMessage()));
                return onError;
            }
        }
    }
}
