package dev.interfeedback.maven.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that results.json and episodes.jsonl are of one run: the same run id, the same
 * benchmarks, and counts that agree with the episodes' statuses, per benchmark and per category.
 * A run that failed or was killed leaves them disagreeing, and {@code check} must not pass on that.
 */
public final class OneRun {

    /** The count in results.json that each status of episodes.jsonl adds to. */
    private static final Map<String, String> COUNT_OF_STATUS = Map.of(
            "CORRECT_AT_ROUND_0", "correctAtRound0",
            "EXCLUDED", "excluded",
            "CORRECTED", "corrected",
            "NOT_CORRECTED", "notCorrected",
            "ERROR", "errors");

    private OneRun() {}

    public static void check(Path resultsFile, RunResults results, EpisodesFile episodes) throws ResultsFormatException {
        String run = results.runId();
        for (Map<String, EpisodesFile.Episode> samples : episodes.episodes().values()) {
            for (EpisodesFile.Episode episode : samples.values()) {
                if (!Objects.equals(run, episode.runId())) {
                    throw new ResultsFormatException(episodes.path(), "line " + episode.line() + ": runId "
                            + quoted(episode.runId()) + ", but " + resultsFile + " has runId " + quoted(run)
                            + ": the files are of different runs; run interfeedback:evaluate again");
                }
            }
        }
        Set<String> unlisted = new TreeSet<>(episodes.episodes().keySet());
        for (BenchmarkSummary benchmark : results.benchmarks()) {
            unlisted.remove(benchmark.id());
            Map<String, EpisodesFile.Episode> samples = episodes.episodes().getOrDefault(benchmark.id(), Map.of());
            agree(resultsFile, episodes.path(), "benchmark " + benchmark.id(), benchmark.figures().counts(),
                    new ArrayList<>(samples.values()));
            for (Figures category : benchmark.categories()) {
                String name = category.name().substring(benchmark.id().length() + 1);
                agree(resultsFile, episodes.path(), "category " + category.name(), category.counts(),
                        samples.values().stream().filter(e -> e.category().equals(name)).toList());
            }
        }
        if (!unlisted.isEmpty()) {
            throw new ResultsFormatException(episodes.path(), "has episodes of " + unlisted + ", which " + resultsFile
                    + " does not list: the run that wrote them did not finish; run interfeedback:evaluate again");
        }
    }

    private static void agree(Path resultsFile, Path episodesFile, String what, Counts counts,
            List<EpisodesFile.Episode> episodes) throws ResultsFormatException {
        Map<String, Long> expected = counts.byField();
        Map<String, Long> found = new HashMap<>();
        found.put("samples", (long) episodes.size());
        COUNT_OF_STATUS.values().forEach(field -> found.put(field, 0L));
        for (EpisodesFile.Episode episode : episodes) found.merge(COUNT_OF_STATUS.get(episode.status()), 1L, Long::sum);
        for (String field : Counts.FIELDS) {
            if (found.containsKey(field) && !found.get(field).equals(expected.get(field))) {
                throw new ResultsFormatException(resultsFile, what + ": counts." + field + " is "
                        + expected.get(field) + ", but " + episodesFile + " has " + found.get(field)
                        + (field.equals("samples") ? " episodes" : " " + status(field) + " episodes")
                        + " of it: the files are not of one run (did the last evaluate fail or get killed?);"
                        + " run interfeedback:evaluate again");
            }
        }
    }

    private static String status(String countField) {
        return COUNT_OF_STATUS.entrySet().stream().filter(e -> e.getValue().equals(countField)).findFirst().orElseThrow().getKey();
    }

    private static String quoted(String runId) {
        return runId == null ? "(none)" : "\"" + runId + "\"";
    }
}
