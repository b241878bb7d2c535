package dev.interfeedback.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The shortest wall time the runner's own schedule allows a run, were every call exactly the
 * latency and free of CPU: each sample takes a slot of {@code concurrency} in dataset order for its
 * two round-0 calls and then its feedback rounds (one provider and one receiver call each), one call
 * after the other. The ideal of calls x latency / concurrency ignores that a sample's calls are
 * sequential: with thousands in flight, the last samples' rounds leave most slots idle, whatever
 * the client's speed.
 */
final class ScheduleBound {

    private ScheduleBound() {}

    /** From the run's {@code episodes.jsonl}, the harness's sample ids {@code s0, s1, ...} in dataset order; empty without it. */
    static OptionalDouble seconds(Path out, long calls, int concurrency, double latencySeconds) throws IOException {
        Path episodes = out.resolve("episodes.jsonl");
        if (!Files.isRegularFile(episodes)) return OptionalDouble.empty();
        Map<Integer, Integer> feedbackRounds = feedbackRounds(episodes);
        long roundZeroCalls = 2L * feedbackRounds.size();
        long feedbackCalls = 2L * feedbackRounds.values().stream().mapToLong(Integer::longValue).sum();
        // Another feedback kind or a partial run calls differently: no bound rather than a wrong one.
        if (roundZeroCalls + feedbackCalls != calls) return OptionalDouble.empty();
        PriorityQueue<Double> slots = new PriorityQueue<>();
        for (int i = 0; i < concurrency; i++) slots.add(0.0);
        double end = 0;
        for (int rounds : feedbackRounds.values()) {
            double done = slots.poll() + 2 * (1 + rounds) * latencySeconds;
            slots.add(done);
            end = Math.max(end, done);
        }
        return OptionalDouble.of(end);
    }

    /** Each sample's feedback rounds, by its position (the harness's ids {@code s0, s1, ...}), in dataset order. */
    static Map<Integer, Integer> feedbackRounds(Path episodes) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<Integer, Integer> feedbackRounds = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(episodes)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode episode = json.readTree(line);
                feedbackRounds.put(Integer.parseInt(episode.get("sampleId").asText().substring(1)),
                        episode.get("rounds").size() - 1);
            }
        }
        return feedbackRounds;
    }
}
