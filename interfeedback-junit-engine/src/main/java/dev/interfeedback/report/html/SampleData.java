package dev.interfeedback.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The samples as the page's script loads them: one small index of every sample (what the list
 * filters and sorts on) and the transcripts in chunks, each loaded when one of its samples is
 * opened, so a run of 10,000 samples opens without reading every answer.
 */
final class SampleData {

    static final String FOLDER = "data";
    static final int CHUNK = 250;
    private static final int SNIPPET = 100;
    /** What an image reference must look like: a content-addressed file in the report's folder. */
    static final Pattern IMAGE_FILE = Pattern.compile("images/[0-9a-f]{64}\\.(png|jpg|gif|webp)");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SampleData() {}

    /**
     * Writes the chunks and the index.
     *
     * @param other the status of each sample in the run compared with ({@code benchmark + "\n" + id}), or null
     */
    static void write(SavedRun run, Path reportDir, Map<String, String> other) throws IOException {
        Path data = reportDir.resolve(FOLDER);
        ObjectNode index = NODES.objectNode();
        index.put("runId", run.runId());
        index.put("chunks", 0);
        index.put("compared", other != null);
        ArrayNode benchmarks = index.putArray("benchmarks");
        Map<String, Integer> benchmarkIndex = new HashMap<>();
        // The samples' entries go to a file as they come, not into the index: a run's every sample is no heap's business.
        Files.createDirectories(data);
        Path samples = data.resolve("index-samples.tmp");
        ArrayNode[] chunk = {NODES.arrayNode()};
        int[] chunks = {0};
        try {
            try (Writer out = Files.newBufferedWriter(samples, StandardCharsets.UTF_8);
                    JsonGenerator entries = ScriptData.generator(out)) {
                entries.writeStartArray();
                run.episodes(episode -> {
                    String benchmark = episode.get("benchmark").asText();
                    Integer b = benchmarkIndex.get(benchmark);
                    if (b == null) {
                        b = benchmarks.size();
                        benchmarkIndex.put(benchmark, b);
                        benchmarks.add(benchmark);
                    }
                    entries.writeTree(entry(episode, b, chunks[0], chunk[0].size(), other));
                    chunk[0].add(transcript(episode));
                    if (chunk[0].size() == CHUNK) {
                        ScriptData.write(data.resolve(chunkFile(chunks[0])), "chunk/" + chunks[0]++, chunk[0]);
                        chunk[0] = NODES.arrayNode();
                    }
                });
                entries.writeEndArray();
            }
            if (!chunk[0].isEmpty()) ScriptData.write(data.resolve(chunkFile(chunks[0])), "chunk/" + chunks[0]++, chunk[0]);
            index.put("chunks", chunks[0]);
            ScriptData.writeObject(data.resolve("index.js"), "index", index, "samples", samples);
        } finally {
            Files.deleteIfExists(samples);
        }
    }

    static String chunkFile(int n) {
        return String.format("transcripts-%05d.js", n);
    }

    /** The short form the list shows and filters: benchmark, id, category, status, rounds, answer. */
    private static ObjectNode entry(JsonNode episode, int benchmark, int chunk, int position, Map<String, String> other) {
        ObjectNode entry = NODES.objectNode();
        entry.put("b", benchmark);
        entry.put("id", episode.get("sampleId").asText());
        entry.put("c", episode.path("category").asText(""));
        entry.put("s", episode.path("status").asText(""));
        if (episode.path("correctedAtRound").isInt()) entry.put("k", episode.get("correctedAtRound").asInt());
        JsonNode rounds = episode.path("rounds");
        entry.put("n", rounds.size());
        JsonNode last = rounds.size() == 0 ? null : rounds.get(rounds.size() - 1);
        if (last != null && last.path("extracted").isTextual()) entry.put("x", snippet(last.get("extracted").asText()));
        if (episode.path("question").isTextual()) entry.put("q", snippet(episode.get("question").asText()));
        entry.put("t", chunk);
        entry.put("p", position);
        if (other != null) {
            String theirs = other.get(episode.get("benchmark").asText() + "\n" + episode.get("sampleId").asText());
            if (theirs != null) entry.put("o", theirs);
        }
        return entry;
    }

    /** The episode as its line holds it, minus image references that are not the report's own files. */
    private static JsonNode transcript(JsonNode episode) {
        ObjectNode copy = ((ObjectNode) episode).deepCopy();
        copy.remove("runId");
        JsonNode images = copy.path("images");
        if (images.isArray()) {
            for (JsonNode image : images) {
                if (image instanceof ObjectNode node && !IMAGE_FILE.matcher(node.path("file").asText("")).matches()) {
                    node.remove("file");
                }
            }
        }
        return copy;
    }

    private static String snippet(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        if (line.length() <= SNIPPET) return line;
        // Never half of a surrogate pair, which JSON would carry as a lone, unprintable half.
        int end = Character.isHighSurrogate(line.charAt(SNIPPET - 1)) ? SNIPPET - 1 : SNIPPET;
        return line.substring(0, end) + "…";
    }
}
