package dev.interfeedback.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** What tests that kill a run in another JVM and resume it share: reading its journal, waiting for it. */
public final class KilledRuns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KilledRuns() {}

    /** Waits until the run has journaled {@code episodes} episodes; fails if it ends first. */
    public static void awaitEpisodes(Process run, Path journal, int episodes, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!run.isAlive()) {
                run.waitFor();
                throw new AssertionError("the first run ended before it could be killed:\n" + Files.readString(log));
            }
            if (Files.exists(journal) && journaledEpisodes(journal).size() >= episodes) return;
            Thread.sleep(5);
        }
        run.destroyForcibly();
        throw new AssertionError("no " + episodes + " episodes journaled in time:\n" + Files.readString(log));
    }

    /** Waits for the run to end; one that does not is killed, so no JVM outlives the test. */
    public static int awaitExit(Process run, Path log) throws Exception {
        if (!run.waitFor(120, TimeUnit.SECONDS)) {
            run.destroyForcibly().waitFor();
            throw new AssertionError("the run did not end in 120 s:\n" + Files.readString(log));
        }
        return run.exitValue();
    }

    /** The samples whose episodes the journal holds, from its complete lines only. */
    public static Set<String> journaledEpisodes(Path journal) throws IOException {
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        // A line still being written has no newline yet.
        text = text.substring(0, text.lastIndexOf('\n') + 1);
        Set<String> ids = new TreeSet<>();
        for (String line : text.lines().toList()) {
            JsonNode node = JSON.readTree(line);
            if (node.path("type").asText().equals("episode")) ids.add(node.path("episode").path("sampleId").asText());
        }
        return ids;
    }

    /**
     * Checks that nothing a journaled episode needed was asked twice.
     *
     * @param requests the server's requests by signature ({@code model|sample|kind|round})
     */
    public static void assertAskedOnce(Map<String, Integer> requests, Set<String> sampleIds) {
        for (String id : sampleIds) {
            requests.forEach((signature, times) -> {
                if (signature.contains("|" + id + "|") && times != 1) {
                    throw new AssertionError(signature + " was asked " + times + " times; its episode was journaled");
                }
            });
        }
    }

    /** The lines of episodes.jsonl, sorted, each without the run id that tells two runs apart. */
    public static List<String> sortedLines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) lines.add(withoutRunId(JSON.readTree(line)).toString());
        return lines.stream().sorted().toList();
    }

    /** results.json without the run id that tells two runs apart. */
    public static JsonNode results(Path file) throws IOException {
        return withoutRunId(JSON.readTree(file.toFile()));
    }

    /**
     * A run's results.json without its run id and what only batches change: each role's batch tokens
     * and what the batch discount saved (the estimated costs too, which the discount lowers).
     */
    public static JsonNode resultsBesideBatches(Path file) throws IOException {
        JsonNode results = results(file);
        for (JsonNode benchmark : results.path("benchmarks")) {
            for (String role : List.of("receiver", "provider", "judge")) {
                if (benchmark.get(role) instanceof ObjectNode model) {
                    model.remove("batch");
                    model.remove("estimatedCost");
                }
            }
            ((ObjectNode) benchmark).remove("cost");
        }
        return results;
    }

    private static JsonNode withoutRunId(JsonNode node) {
        ((ObjectNode) node).remove("runId");
        return node;
    }
}
