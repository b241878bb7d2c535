package dev.interfeedback.bench;

import dev.interfeedback.episode.Episode;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's figures, from pooled counts.
 *
 * <ul>
 *   <li>accuracy = (N − N_e) / N at round 0, over the samples answered at round 0;
 *   <li>correction rate = N_c / |test set|: corrected among the wrong samples given feedback;
 *   <li>rate_k = first corrected at round k / |test set|, so the rates add up to the correction rate.
 * </ul>
 *
 * Errors have no verdict: an error at round 0 leaves accuracy's denominator and the test set's, an
 * error after round 0 only the test set's (see {@link Counts}).
 *
 * @param counts the counts
 * @param accuracy round-0 accuracy
 * @param correctionRate corrected among the test set
 * @param perRound first corrections at each round 1..maxRounds
 * @param errorRate errors among all samples
 */
public record Metrics(Counts counts, Rate accuracy, Rate correctionRate, List<RoundRate> perRound, Rate errorRate) {

    public Metrics {
        perRound = List.copyOf(perRound);
    }

    /** @throws IllegalArgumentException naming the sample, for an episode no run can produce */
    public static Metrics of(List<Episode> episodes, int maxRounds) {
        PooledCounts counts = new PooledCounts(maxRounds);
        episodes.forEach(counts::add);
        return counts.metrics();
    }

    /**
     * The figures from counts alone.
     *
     * @param firstCorrectedAt index k holds the samples first corrected at round k; index 0 is unused
     */
    public static Metrics fromCounts(Counts counts, long[] firstCorrectedAt) {
        List<RoundRate> perRound = new ArrayList<>();
        for (int k = 1; k < firstCorrectedAt.length; k++) {
            perRound.add(new RoundRate(k, new Rate(firstCorrectedAt[k], counts.testSet())));
        }
        return new Metrics(
                counts,
                new Rate(counts.correctAtRound0(), counts.correctAtRound0() + counts.wrongAtRound0()),
                new Rate(counts.corrected(), counts.testSet()),
                perRound,
                new Rate(counts.errors(), counts.samples()));
    }
}
