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

    public static Metrics of(List<Episode> episodes, int maxRounds) {
        long correct = 0, excluded = 0, corrected = 0, notCorrected = 0, errorsAtRound0 = 0, errorsAfterRound0 = 0;
        long[] firstCorrectedAt = new long[maxRounds + 1];
        for (Episode episode : episodes) {
            switch (episode.status()) {
                case CORRECT_AT_ROUND_0 -> correct++;
                case EXCLUDED -> excluded++;
                case NOT_CORRECTED -> notCorrected++;
                case CORRECTED -> {
                    corrected++;
                    int k = episode.correctedAtRound();
                    if (k < 1 || k > maxRounds) {
                        throw new IllegalArgumentException("sample " + episode.sampleId() + " corrected at round " + k
                                + ", outside 1.." + maxRounds);
                    }
                    firstCorrectedAt[k]++;
                }
                case ERROR -> {
                    if (episode.rounds().isEmpty()) {
                        errorsAtRound0++;
                    } else if (!episode.rounds().get(0).correct()) {
                        errorsAfterRound0++;
                    } else {
                        // A right round-0 answer ends the episode, so no later call can fail.
                        throw new IllegalArgumentException("sample " + episode.sampleId()
                                + " is an error, but its round-0 answer is right");
                    }
                }
            }
        }
        return fromCounts(new Counts(correct, excluded, corrected, notCorrected, errorsAtRound0, errorsAfterRound0),
                firstCorrectedAt);
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
