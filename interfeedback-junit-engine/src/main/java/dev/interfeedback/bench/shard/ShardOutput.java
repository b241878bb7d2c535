package dev.interfeedback.bench.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.bench.EpisodeCodec;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.report.RunFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One shard's output directory as the merge reads it: its manifest, and the episodes of each
 * benchmark, checked to be complete and of the run the manifest names. Every problem is a
 * {@link MergeRefusedException} naming the shard and its directory.
 *
 * @param benchmarks each benchmark's manifest entry, in the manifest's order
 * @param episodes each benchmark's episodes by sample id
 * @param lines each benchmark's {@code episodes.jsonl} lines by sample id, as written (with the
 *     sample's question, images and the provider's answer, which the merge keeps for the report)
 */
record ShardOutput(Path dir, Shard shard, String runId, Map<String, JsonNode> benchmarks,
        Map<String, Map<String, Episode>> episodes, Map<String, Map<String, JsonNode>> lines) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** "shard 2/4 (path)", as every message names it. */
    String name() {
        return "shard " + shard + " (" + dir + ")";
    }

    static ShardOutput read(Path dir) throws IOException {
        Path file = dir.resolve(ShardManifest.FILE);
        if (!Files.isDirectory(dir)) throw new MergeRefusedException(dir + " is not a directory (a shard's output directory)");
        if (!Files.isRegularFile(file)) {
            throw new MergeRefusedException(dir + " has no " + ShardManifest.FILE + ": it is not the output of a sharded"
                    + " run (run each shard with interfeedback.shard=K/N)");
        }
        JsonNode manifest;
        Shard shard;
        try {
            manifest = JSON.readTree(file.toFile());
            if (manifest.path("manifest").asInt() != ShardManifest.FORMAT) {
                throw new MergeRefusedException(file + ": field \"manifest\" is " + manifest.path("manifest")
                        + ", expected " + ShardManifest.FORMAT + " (written by another version of InterFeedback)");
            }
            shard = Shard.parse(manifest.path("shard").asText());
        } catch (IllegalArgumentException | IOException e) {
            throw new MergeRefusedException(file + ": not a shard manifest: " + e.getMessage(), e);
        }
        String runId = manifest.path("runId").asText();
        String name = "shard " + shard + " (" + dir + ")";
        Map<String, JsonNode> benchmarks = new LinkedHashMap<>();
        for (JsonNode benchmark : manifest.path("benchmarks")) {
            String id = benchmark.path("id").asText();
            if (!benchmark.path("finished").asBoolean()) {
                throw new MergeRefusedException(name + " is incomplete: benchmark " + id + " did not finish (the run was"
                        + " killed or failed); run the shard again (it resumes from its journal)");
            }
            benchmarks.put(id, benchmark);
        }
        Path results = dir.resolve(RunFiles.RESULTS);
        if (!Files.isRegularFile(results)) {
            throw new MergeRefusedException(name + " is incomplete: it has no " + RunFiles.RESULTS
                    + " (the run was killed or failed); run the shard again");
        }
        String resultsRun;
        try {
            resultsRun = JSON.readTree(results.toFile()).path("runId").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MergeRefusedException(name + ": " + results + " is not JSON (" + e.getOriginalMessage()
                    + "): the run was cut short writing it; run the shard again");
        }
        if (!runId.equals(resultsRun)) {
            throw new MergeRefusedException(name + ": " + RunFiles.RESULTS + " is of run " + resultsRun + ", but "
                    + ShardManifest.FILE + " of run " + runId + ": the directory mixes two runs; run the shard again");
        }
        Map<String, Map<String, JsonNode>> lines = new HashMap<>();
        benchmarks.keySet().forEach(id -> lines.put(id, new HashMap<>()));
        return new ShardOutput(dir, shard, runId, benchmarks, episodes(dir, name, runId, benchmarks, lines), lines);
    }

    private static Map<String, Map<String, Episode>> episodes(Path dir, String name, String runId,
            Map<String, JsonNode> benchmarks, Map<String, Map<String, JsonNode>> lines) throws IOException {
        Map<String, Map<String, Episode>> episodes = new HashMap<>();
        benchmarks.keySet().forEach(id -> episodes.put(id, new LinkedHashMap<>()));
        Path file = dir.resolve(RunFiles.EPISODES);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line; (line = in.readLine()) != null; ) {
                number++;
                if (line.isBlank()) continue;
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new MergeRefusedException(file + " line " + number + ": not JSON (" + e.getOriginalMessage()
                            + "); " + name + " is damaged");
                }
                String benchmark = node.path("benchmark").asText();
                if (!runId.equals(node.path("runId").asText())) {
                    throw new MergeRefusedException(file + " line " + number + ": runId " + node.path("runId")
                            + ", but " + ShardManifest.FILE + " names run " + runId + ": " + name + " mixes two runs");
                }
                Map<String, Episode> of = episodes.get(benchmark);
                if (of == null) {
                    throw new MergeRefusedException(name + " is incomplete: " + file + " line " + number
                            + " is of benchmark " + benchmark + ", which did not finish");
                }
                Episode episode = EpisodeCodec.read(node);
                if (of.put(episode.sampleId(), episode) != null) {
                    throw new MergeRefusedException(file + " line " + number + ": a second episode of sample "
                            + episode.sampleId() + " of benchmark " + benchmark + " in " + name);
                }
                lines.get(benchmark).put(episode.sampleId(), node);
            }
        } catch (NoSuchFileException e) {
            throw new MergeRefusedException(name + " is incomplete: it has no " + RunFiles.EPISODES);
        }
        for (Map.Entry<String, JsonNode> benchmark : benchmarks.entrySet()) {
            List<String> missing = new ArrayList<>();
            for (JsonNode sample : benchmark.getValue().path("samples")) {
                if (!episodes.get(benchmark.getKey()).containsKey(sample.path("id").asText())) missing.add(sample.path("id").asText());
            }
            int covered = benchmark.getValue().path("samples").size();
            if (!missing.isEmpty()) {
                throw new MergeRefusedException(name + " is incomplete: benchmark " + benchmark.getKey() + " has episodes of "
                        + (covered - missing.size()) + " of its " + covered + " samples (missing " + first(missing)
                        + "): the run was cut short; run the shard again");
            }
            if (episodes.get(benchmark.getKey()).size() != covered) {
                throw new MergeRefusedException(name + ": benchmark " + benchmark.getKey() + " has "
                        + episodes.get(benchmark.getKey()).size() + " episodes, but its manifest lists " + covered + " samples");
            }
        }
        return episodes;
    }

    static String first(List<String> ids) {
        return ids.size() <= 5 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 5)) + ", ... and " + (ids.size() - 5) + " more";
    }
}
