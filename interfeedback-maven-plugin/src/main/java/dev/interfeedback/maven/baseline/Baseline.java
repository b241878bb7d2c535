package dev.interfeedback.maven.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.maven.results.Expected;
import dev.interfeedback.maven.results.JsonFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accepted release's per-sample statuses, committed beside the project so that a later run
 * can be compared with it sample by sample. Sorted, so that its diffs read well in review.
 *
 * @param benchmarks benchmark id → sample id → episode status
 */
public record Baseline(Map<String, Map<String, String>> benchmarks) {

    private static final int SCHEMA_VERSION = 1;

    /** Reads and validates a baseline: its schema version, and a known status for every sample. */
    public static Baseline read(Path file) throws IOException {
        JsonFile json = new JsonFile(file);
        JsonNode root = json.root("create it from an accepted run with -Dinterfeedback.baseline.update=true");
        int version = json.field(root, "", "schemaVersion", Expected.ROUND).asInt();
        if (version != SCHEMA_VERSION) {
            throw json.problem("schemaVersion", version + " is not supported; this plugin reads " + SCHEMA_VERSION);
        }
        JsonNode benchmarks = json.field(root, "", "benchmarks", Expected.OBJECT);
        Map<String, Map<String, String>> all = new TreeMap<>();
        for (Map.Entry<String, JsonNode> benchmark : benchmarks.properties()) {
            String at = "benchmarks." + benchmark.getKey();
            if (!Expected.OBJECT.accepts(benchmark.getValue())) {
                throw json.mismatch(at, Expected.OBJECT.description(), benchmark.getValue());
            }
            JsonNode samples = json.field(benchmark.getValue(), at, "samples", Expected.OBJECT);
            Map<String, String> statuses = new TreeMap<>();
            for (Map.Entry<String, JsonNode> sample : samples.properties()) {
                String id = sample.getKey();
                statuses.put(id, json.field(samples, at + ".samples", id, Expected.STATUS).asText());
            }
            all.put(benchmark.getKey(), statuses);
        }
        return new Baseline(all);
    }

    public void write(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode benchmarksNode = root.putObject("benchmarks");
        new TreeMap<>(benchmarks).forEach((id, samples) -> {
            ObjectNode samplesNode = benchmarksNode.putObject(id).putObject("samples");
            new TreeMap<>(samples).forEach(samplesNode::put);
        });
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, mapper.writeValueAsString(root) + "\n");
    }

    public int sampleCount() {
        return benchmarks.values().stream().mapToInt(Map::size).sum();
    }
}
