package dev.interfeedback.model.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The batch files of one model's wave in file mode, in the format {@code vllm run-batch} reads and
 * writes (the OpenAI Batch API's): an input file of request lines, and the output file of answer
 * lines that a run on the model's own servers writes beside it.
 *
 * <p>A wave's files are named by the digest of its input, so the next run, whose dry passes find
 * the same wave again, finds the output file without any state of its own.
 */
final class BatchFiles {

    /** One line of an output file. */
    record OutputLine(String customId, int status, JsonNode body, JsonNode error) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path input;
    private final Path output;

    private BatchFiles(Path input, Path output) {
        this.input = input;
        this.output = output;
    }

    /** The files of one wave of a model: {@code <alias>-<digest>.input.jsonl} and {@code .output.jsonl} in {@code dir}. */
    static BatchFiles of(Path dir, String alias, byte[] inputContent) {
        String name = alias.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + digest(inputContent).substring(0, 16);
        return new BatchFiles(dir.resolve(name + ".input.jsonl"), dir.resolve(name + ".output.jsonl"));
    }

    Path input() {
        return input;
    }

    Path output() {
        return output;
    }

    boolean answered() {
        return Files.isRegularFile(output);
    }

    /** Writes the input file, whole or not at all, unless an earlier run did. */
    void writeInput(byte[] content) throws IOException {
        if (Files.isRegularFile(input)) return;
        Files.createDirectories(input.toAbsolutePath().getParent());
        Path temp = input.resolveSibling(input.getFileName() + ".tmp");
        Files.write(temp, content);
        Files.move(temp, input, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The command that answers the input file on a vLLM installation. */
    String command(String model) {
        return "vllm run-batch -i " + input.toAbsolutePath() + " -o " + output.toAbsolutePath() + " --model " + model;
    }

    /**
     * The output file's lines, checked: every line a JSON object answering one request of the input
     * file once, with a {@code response} holding {@code status_code} and {@code body}, or an
     * {@code error}. A request the file does not answer has no line (it failed, like an expired
     * batch's).
     *
     * @throws BatchFileException naming the file, line and field, for a malformed file or one
     *     answering requests of another input file
     */
    List<OutputLine> read(Set<String> customIds) throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        List<OutputLine> read = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String text = lines.get(i);
            if (text.isBlank()) continue;
            JsonNode line;
            try {
                line = JSON.readTree(text);
            } catch (IOException e) {
                throw wrong(number, null, "a JSON object (one answer per line)", excerpt(text));
            }
            if (line == null || !line.isObject()) throw wrong(number, null, "a JSON object (one answer per line)", excerpt(text));
            JsonNode id = line.get("custom_id");
            if (id == null || !id.isTextual()) throw wrong(number, "custom_id", "the custom id of a request of " + input, String.valueOf(id));
            String customId = id.asText();
            if (!customIds.contains(customId)) {
                throw wrong(number, "custom_id", "the custom id of a request of " + input.getFileName()
                        + " (is this the output of another input file?)", "\"" + customId + "\"");
            }
            Integer before = seen.put(customId, number);
            if (before != null) throw wrong(number, "custom_id", "each request answered once", "a second answer (line " + before + ")");
            JsonNode error = line.get("error");
            JsonNode response = line.get("response");
            boolean failed = error != null && !error.isNull();
            if (response != null && !response.isNull() && !response.isObject()) {
                throw wrong(number, "response", "an object with status_code and body, or null", excerpt(response.toString()));
            }
            JsonNode status = response == null ? null : response.get("status_code");
            if (status != null && !status.isNull() && !status.canConvertToInt()) {
                throw wrong(number, "response.status_code", "the HTTP status, a whole number", excerpt(status.toString()));
            }
            JsonNode body = response == null ? null : response.get("body");
            if (!failed) {
                if (response == null || response.isNull()) throw wrong(number, "response", "an answer, since \"error\" is null", String.valueOf(response));
                if (status == null || status.isNull()) throw wrong(number, "response.status_code", "the HTTP status, a whole number", "none");
                if (body == null || !body.isObject()) throw wrong(number, "response.body", "the chat completion, an object", String.valueOf(body));
            }
            read.add(new OutputLine(customId, status == null || status.isNull() ? 0 : status.asInt(), body, failed ? error : null));
        }
        return read;
    }

    private BatchFileException wrong(int line, String field, String expected, String found) {
        return new BatchFileException("batch output file " + output + " line " + line
                + (field == null ? "" : ", field \"" + field + "\"") + ": expected " + expected + ", found " + found);
    }

    private static String excerpt(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    private static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
