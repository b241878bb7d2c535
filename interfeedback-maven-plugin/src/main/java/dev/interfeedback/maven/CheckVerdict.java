package dev.interfeedback.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.maven.baseline.Comparison;
import dev.interfeedback.maven.rules.LimitOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code check} decided, saved as {@code check.json} beside the run's results so the HTML
 * report can show the gate: every limit with its measured value, the warnings, the comparison
 * with the baseline and the failures, one line each as the build log has them.
 */
final class CheckVerdict {

    static final String FILE = "check.json";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectNode root = mapper.createObjectNode();
    private final List<String> warnings = new ArrayList<>();
    private ObjectNode baseline;

    CheckVerdict(String runId, boolean haltOnFailure) {
        root.put("schemaVersion", 1);
        if (runId != null) root.put("runId", runId);
        root.put("haltOnFailure", haltOnFailure);
    }

    void limits(List<LimitOutcome> outcomes) {
        ArrayNode limits = root.putArray("limits");
        for (LimitOutcome outcome : outcomes) {
            ObjectNode limit = limits.addObject();
            limit.put("element", outcome.element());
            limit.put("subject", outcome.subject());
            limit.put("counter", outcome.counter());
            limit.put("label", outcome.label());
            limit.put("bound", outcome.bound());
            limit.put("limit", outcome.limit());
            limit.put("measuredText", outcome.measured());
            if (Double.isNaN(outcome.value())) limit.putNull("measured");
            else limit.put("measured", outcome.value());
            limit.put("status", outcome.status());
            if (outcome.violation() != null) limit.put("message", outcome.violation().message());
        }
    }

    void warning(String warning) {
        warnings.add(warning);
    }

    void baseline(Path file, boolean updated) {
        baseline = root.putObject("baseline");
        baseline.put("file", String.valueOf(file.getFileName()));
        baseline.put("updated", updated);
        baseline.putArray("benchmarks");
        baseline.putArray("notRun");
    }

    void notRun(String benchmark) {
        ((ArrayNode) baseline.get("notRun")).add(benchmark);
    }

    void compared(Comparison comparison, boolean regression) {
        ObjectNode b = ((ArrayNode) baseline.get("benchmarks")).addObject();
        b.put("benchmark", comparison.benchmark());
        b.put("paired", comparison.paired());
        b.put("passedBefore", comparison.passedBefore());
        b.put("passedNow", comparison.passedNow());
        b.put("p", comparison.p());
        b.put("regression", regression);
        comparison.newlyFailing().forEach(b.putArray("newlyFailing")::add);
        comparison.newlyPassing().forEach(b.putArray("newlyPassing")::add);
    }

    /** Writes the file (through a temporary one, so a reader never sees half of it). */
    void write(Path dir, List<String> failures) throws IOException {
        root.put("passed", failures.isEmpty());
        warnings.forEach(root.putArray("warnings")::add);
        failures.forEach(root.putArray("failures")::add);
        Files.createDirectories(dir);
        Path temp = dir.resolve(FILE + ".tmp");
        mapper.writeValue(temp.toFile(), root);
        Files.move(temp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
