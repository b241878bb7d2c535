package dev.interfeedback.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.cli.InterFeedbackCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Real runs for the report's tests: the command-line runner on datasets, their files read back. */
final class ReportRuns {

    static final Path SAMPLE_PROJECT = Path.of("../sample-project/src/test/resources");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportRuns() {}

    /** The sample project's two bundled datasets against its simulated models, as its quick start runs them. */
    static Path sampleRun(Path output) {
        run(List.of(SAMPLE_PROJECT.resolve("junit-platform.properties").toString(),
                "interfeedback.dataset=datasets/mmmu-pro-sample.jsonl,datasets/mathverse-text-only-sample.jsonl",
                "interfeedback.output.dir=" + output), Map.of());
        return output;
    }

    /** Runs the command-line runner; it must finish (exit 0) and print the report's path. */
    static String run(List<String> args, Map<String, String> environment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = new InterFeedbackCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment::get).run(args.toArray(String[]::new));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return printed;
    }

    static JsonNode results(Path output) throws IOException {
        return JSON.readTree(output.resolve("results.json").toFile());
    }

    static List<JsonNode> episodes(Path output) throws IOException {
        List<JsonNode> episodes = new ArrayList<>();
        for (String line : Files.readAllLines(output.resolve("episodes.jsonl"), StandardCharsets.UTF_8)) {
            episodes.add(JSON.readTree(line));
        }
        return episodes;
    }

    /** A fraction as the page shows it. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
