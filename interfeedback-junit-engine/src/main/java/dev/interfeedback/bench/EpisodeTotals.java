package dev.interfeedback.bench;

import dev.interfeedback.bench.BenchmarkResult.VerdictSources;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.model.Usage;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A benchmark's figures over its episodes, from counts and sums alone: what a result holds in place
 * of the episodes, so that a run's heap does not grow with its samples. Made by an {@link EpisodeTally}.
 *
 * @param metrics the paper's figures over every episode
 * @param maintenance the answer-maintenance control's figures, or null when no episode ran it
 * @param perCategory the paper's figures by category, from the category's pooled counts, sorted by category
 * @param maintenanceByCategory the control by category, sorted; only the categories where it ran
 * @param verdictSources who decided the receiver's verdicts, over every round of every episode
 * @param truncatedAnswers the receiver's answers cut at the token limit, over every round
 * @param receiverUsage the receiver's tokens over every episode
 * @param providerUsage the provider's tokens over every episode
 * @param firstError the error of the episode first in dataset order, or null when none failed
 */
public record EpisodeTotals(
        Metrics metrics,
        MaintenanceMetrics maintenance,
        Map<String, Metrics> perCategory,
        Map<String, MaintenanceMetrics> maintenanceByCategory,
        VerdictSources verdictSources,
        int truncatedAnswers,
        Usage receiverUsage,
        Usage providerUsage,
        FirstError firstError) {

    /**
     * A failed episode, shown as the example of a run's errors.
     *
     * @param position the sample's position in the dataset
     */
    public record FirstError(int position, String sampleId, String error) {}

    public EpisodeTotals {
        perCategory = Collections.unmodifiableMap(new TreeMap<>(perCategory));
        maintenanceByCategory = Collections.unmodifiableMap(new TreeMap<>(maintenanceByCategory));
    }

    /** The totals of {@code episodes}, taken in dataset order. */
    public static EpisodeTotals of(List<Episode> episodes, int maxRounds) {
        EpisodeTally tally = new EpisodeTally(maxRounds);
        for (int i = 0; i < episodes.size(); i++) tally.add(i, null, episodes.get(i));
        return tally.totals();
    }
}
