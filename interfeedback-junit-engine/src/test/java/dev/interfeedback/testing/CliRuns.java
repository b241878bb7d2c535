package dev.interfeedback.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.cli.InterFeedbackCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs of the command line in-process, with settings files for a receiver {@code weak} and a
 * provider {@code strong} on one server. The response cache stays on (unlike
 * {@link TestSettings#forServer}): reruns of an output folder rely on it.
 */
public final class CliRuns {

    private CliRuns() {}

    /** What a run printed, and its exit code. */
    public record Run(int exit, String out, String err) {

        /** Asserts the run exited with 0, showing what it printed to stderr otherwise. */
        public Run succeeded() {
            assertThat(exit).as(err).isZero();
            return this;
        }
    }

    /** Runs the command line with {@code args}, with no environment variables. */
    public static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = new InterFeedbackCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                name -> null).run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the command line on a settings file. */
    public static Run run(Path settings) {
        return run(settings.toString());
    }

    /**
     * Writes a new settings file into {@code dir}: {@code dataset} into {@code out}, the receiver
     * {@code weak} and the provider {@code strong} on {@code url}, detailed feedback, 4 samples at
     * once; then {@code eachModel} ({@code key=value} under {@code interfeedback.model.<alias>.})
     * for both models, then {@code more} lines, which win over what comes before.
     */
    public static Path settings(Path dir, Path dataset, Path out, String url, List<String> eachModel, List<String> more)
            throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "interfeedback.dataset=" + dataset,
                "interfeedback.output.dir=" + out,
                "interfeedback.receiver=weak",
                "interfeedback.provider=strong",
                "interfeedback.feedback=detailed",
                "interfeedback.concurrency=4"));
        for (String alias : List.of("weak", "strong")) {
            lines.add("interfeedback.model." + alias + ".url=" + url);
            lines.add("interfeedback.model." + alias + ".name=" + alias);
            for (String line : eachModel) lines.add("interfeedback.model." + alias + "." + line);
        }
        lines.addAll(more);
        Path file = Files.createTempFile(dir, "settings", ".properties");
        Files.write(file, lines);
        return file;
    }
}
