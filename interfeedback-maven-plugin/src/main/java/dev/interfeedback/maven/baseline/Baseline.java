package dev.interfeedback.maven.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.maven.results.ResultsFormatException;
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

    public static Baseline read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new ResultsFormatException(file, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.path("schemaVersion").asInt(-1) != SCHEMA_VERSION) {
            throw new ResultsFormatException(file, "field \"schemaVersion\": expected " + SCHEMA_VERSION);
        }
        JsonNode benchmarks = root.get("benchmarks");
        if (benchmarks == null || !benchmarks.isObject()) {
            throw new ResultsFormatException(file, "field \"benchmarks\": expected an object of benchmark ids");
        }
        Map<String, Map<String, String>> all = new TreeMap<>();
        for (Map.Entry<String, JsonNode> benchmark : benchmarks.properties()) {
            JsonNode samples = benchmark.getValue().get("samples");
            if (samples == null || !samples.isObject()) {
                throw new ResultsFormatException(file, "field \"benchmarks." + benchmark.getKey()
                        + ".samples\": expected an object of sample id to status");
            }
            Map<String, String> statuses = new TreeMap<>();
            for (Map.Entry<String, JsonNode> s : samples.properties()) statuses.put(s.getKey(), s.getValue().asText());
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
