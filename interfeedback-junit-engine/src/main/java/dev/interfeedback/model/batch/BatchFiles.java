package dev.interfeedback.model.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
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
     * file once. A request the file does not answer has no line (it failed, like an expired batch's).
     *
     * @throws BatchFileException naming the file, line and field, for a malformed file or one
     *     answering requests of another input file
     */
    List<BatchOutput.Line> read(Set<String> customIds) throws IOException {
        return new BatchOutput(output.toString(), input.toString(), input.getFileName().toString(), customIds)
                .strict(Files.readAllLines(output, StandardCharsets.UTF_8));
    }

    private static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
