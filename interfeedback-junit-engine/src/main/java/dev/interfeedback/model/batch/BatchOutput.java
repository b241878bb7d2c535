package dev.interfeedback.model.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lines of a batch's output (or error) file, in the format of the OpenAI Batch API, which
 * {@code vllm run-batch} writes too: one JSON object per request, answered or failed, with its
 * {@code custom_id}, a {@code response} holding {@code status_code} and {@code body}, or an
 * {@code error}.
 *
 * <p>Read strictly (an output file written by hand or by another tool: a malformed line refuses
 * the file, naming it, the line and the field) or leniently (the API's own files: a line that the
 * strict reading would refuse is left out, and its request fails as unanswered).
 */
final class BatchOutput {

    /** One request's line. */
    record Line(String customId, int status, JsonNode body, JsonNode error) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String file;
    private final String input;
    private final String inputName;
    private final Set<String> customIds;

    /**
     * @param file the file as errors name it
     * @param input the input file (or batch) whose requests the file answers, as errors name it in full
     * @param inputName the same, shorter
     * @param customIds the custom ids of the input's requests
     */
    BatchOutput(String file, String input, String inputName, Set<String> customIds) {
        this.file = file;
        this.input = input;
        this.inputName = inputName;
        this.customIds = customIds;
    }

    /**
     * Every line a JSON object answering one request of the input once. A request the file does
     * not answer has no line (it failed, like an expired batch's).
     *
     * @throws BatchFileException naming the file, line and field, for a malformed file or one
     *     answering requests of another input
     */
    List<Line> strict(List<String> lines) throws BatchFileException {
        Read read = read(lines);
        if (read.refusal() != null) throw new BatchFileException(read.refusal());
        return read.lines();
    }

    /** The lines {@link #strict} would accept, each malformed one left out. */
    List<Line> lenient(List<String> lines) {
        return read(lines).lines();
    }

    /** The well-formed lines, and why the first malformed one is refused (null when none is). */
    private record Read(List<Line> lines, String refusal) {}

    private Read read(List<String> lines) {
        List<Line> read = new ArrayList<>();
        String refusal = null;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                Line line = line(i + 1, lines.get(i), seen);
                if (line != null) read.add(line);
            } catch (Malformed e) {
                if (refusal == null) {
                    refusal = "batch output file " + file + " line " + (i + 1)
                            + (e.field == null ? "" : ", field \"" + e.field + "\"") + ": expected " + e.expected + ", found " + e.found;
                }
            }
        }
        return new Read(read, refusal);
    }

    /** Line {@code number}, checked; null for a blank line. */
    private Line line(int number, String text, Map<String, Integer> seen) throws Malformed {
        if (text.isBlank()) return null;
        JsonNode line;
        try {
            line = JSON.readTree(text);
        } catch (IOException e) {
            throw new Malformed(null, "a JSON object (one answer per line)", excerpt(text));
        }
        if (line == null || !line.isObject()) throw new Malformed(null, "a JSON object (one answer per line)", excerpt(text));
        JsonNode id = line.get("custom_id");
        if (id == null || !id.isTextual()) throw new Malformed("custom_id", "the custom id of a request of " + input, String.valueOf(id));
        String customId = id.asText();
        if (!customIds.contains(customId)) {
            throw new Malformed("custom_id", "the custom id of a request of " + inputName
                    + " (is this the output of another input file?)", "\"" + customId + "\"");
        }
        Integer before = seen.get(customId);
        if (before != null) throw new Malformed("custom_id", "each request answered once", "a second answer (line " + before + ")");
        JsonNode error = line.get("error");
        JsonNode response = line.get("response");
        boolean failed = error != null && !error.isNull();
        if (response != null && !response.isNull() && !response.isObject()) {
            throw new Malformed("response", "an object with status_code and body, or null", excerpt(response.toString()));
        }
        JsonNode status = response == null ? null : response.get("status_code");
        if (status != null && !status.isNull() && !status.canConvertToInt()) {
            throw new Malformed("response.status_code", "the HTTP status, a whole number", excerpt(status.toString()));
        }
        JsonNode body = response == null ? null : response.get("body");
        if (!failed) {
            if (response == null || response.isNull()) throw new Malformed("response", "an answer, since \"error\" is null", String.valueOf(response));
            if (status == null || status.isNull()) throw new Malformed("response.status_code", "the HTTP status, a whole number", "none");
            if (body == null || !body.isObject()) throw new Malformed("response.body", "the chat completion, an object", String.valueOf(body));
        }
        seen.put(customId, number);
        return new Line(customId, status == null || status.isNull() ? 0 : status.asInt(), body, failed ? error : null);
    }

    private static String excerpt(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** What is wrong with one line: its field (null for the whole line), what was expected and what was found. */
    private static final class Malformed extends Exception {

        private static final long serialVersionUID = 1L;

        final String field;
        final String expected;
        final String found;

        Malformed(String field, String expected, String found) {
            super(null, null, false, false);
            this.field = field;
            this.expected = expected;
            this.found = found;
        }
    }
}
