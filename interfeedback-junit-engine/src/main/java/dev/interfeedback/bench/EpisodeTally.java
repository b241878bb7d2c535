package dev.interfeedback.bench;

import dev.interfeedback.bench.BenchmarkResult.VerdictSources;
import dev.interfeedback.bench.EpisodeTotals.FirstError;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.Round;
import dev.interfeedback.model.Usage;
import dev.interfeedback.scoring.judge.MathVerseTwoStepJudge;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Folds a benchmark's episodes, one at a time as they finish, into the counts and sums its figures
 * are computed from ({@link EpisodeTotals}, {@link ChanceCorrection}), so that no object per sample
 * outlives its episode. Workers add to it at once: each addition holds the lock for a few counter
 * increments. Every total is a count or an exact sum, and the first error is chosen by dataset
 * position, so the same episodes give the same totals in whatever order they are added.
 */
public final class EpisodeTally {

    /** The lowest position first; the ids and texts only break a tie of one position added twice. */
    private static final Comparator<FirstError> DATASET_ORDER = Comparator.comparingInt(FirstError::position)
            .thenComparing(FirstError::sampleId).thenComparing(FirstError::error);

    private final int maxRounds;
    private final PooledCounts all;
    private final Map<String, PooledCounts> byCategory = new TreeMap<>();
    private final ChanceSum chance;
    private int ruled, judged, truncated;
    private Usage receiverUsage = Usage.NONE, providerUsage = Usage.NONE;
    private FirstError firstError;

    /** @param maxRounds the most feedback rounds a sample gets */
    public EpisodeTally(int maxRounds) {
        this.maxRounds = maxRounds;
        this.all = new PooledCounts(maxRounds);
        this.chance = new ChanceSum(maxRounds);
    }

    /**
     * Adds one finished episode. Thread-safe.
     *
     * @param position the sample's position in the dataset, which decides the first error
     * @param sample the episode's sample, for the chance figure's options; null when not known
     *     (then it counts as free-form there)
     * @throws IllegalArgumentException naming the sample, for an episode no run can produce (corrected
     *     at a round outside 1..maxRounds, an error after a right round-0 answer) or one of another
     *     sample; the tally is then left as it was
     */
    public synchronized void add(int position, Sample sample, Episode episode) {
        if (sample != null && !sample.id().equals(episode.sampleId())) {
            throw new IllegalArgumentException("episode of sample " + episode.sampleId() + " added as sample " + sample.id());
        }
        Objects.requireNonNull(episode.category(), () -> "category of sample " + episode.sampleId());
        PooledCounts.check(episode, maxRounds);
        chance.add(sample, episode);
        all.add(episode);
        byCategory.computeIfAbsent(episode.category(), c -> new PooledCounts(maxRounds)).add(episode);
        for (Round round : episode.rounds()) {
            if (MathVerseTwoStepJudge.RULE.equals(round.verdict().rule())) judged++;
            else ruled++;
            if (round.truncated()) truncated++;
        }
        receiverUsage = receiverUsage.plus(episode.receiverUsage());
        providerUsage = providerUsage.plus(episode.providerUsage());
        if (episode.error() != null) {
            FirstError error = new FirstError(position, episode.sampleId(), episode.error());
            if (firstError == null || DATASET_ORDER.compare(error, firstError) < 0) firstError = error;
        }
    }

    /** The totals of the episodes added so far. */
    public synchronized EpisodeTotals totals() {
        Map<String, Metrics> perCategory = new TreeMap<>();
        Map<String, MaintenanceMetrics> maintenanceByCategory = new TreeMap<>();
        byCategory.forEach((category, counts) -> {
            perCategory.put(category, counts.metrics());
            MaintenanceMetrics maintenance = counts.maintenance();
            if (maintenance != null) maintenanceByCategory.put(category, maintenance);
        });
        return new EpisodeTotals(all.metrics(), all.maintenance(), perCategory, maintenanceByCategory,
                new VerdictSources(ruled, judged), truncated, receiverUsage, providerUsage, firstError);
    }

    /** The corrections expected from guessing untried options, over the test-set episodes added so far. */
    public synchronized ChanceCorrection chance() {
        return chance.correction();
    }
}
