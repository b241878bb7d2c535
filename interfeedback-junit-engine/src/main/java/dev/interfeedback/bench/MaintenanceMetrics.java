package dev.interfeedback.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer-maintenance control's figures, from pooled counts: over the samples right at round 0
 * that were pushed (and whose calls did not fail), the share that kept the right answer through
 * every round, and after each round.
 *
 * @param tested samples the control ran on to the end
 * @param errors samples whose control has no outcome (a call failed); left out of {@code tested}
 * @param rate kept through every round, among {@code tested}
 * @param keptAfter index k−1: kept through round k, among {@code tested}
 */
public record MaintenanceMetrics(long tested, long errors, Rate rate, List<Rate> keptAfter) {

    public MaintenanceMetrics {
        keptAfter = List.copyOf(keptAfter);
    }

    /**
     * The figures from counts alone.
     *
     * @param flippedAt index k holds the samples whose right answer was first given up at round k;
     *     index 0 is unused
     */
    static MaintenanceMetrics fromCounts(long tested, long errors, long kept, long[] flippedAt) {
        List<Rate> keptAfter = new ArrayList<>();
        long flipped = 0;
        for (int k = 1; k < flippedAt.length; k++) {
            flipped += flippedAt[k];
            keptAfter.add(new Rate(tested - flipped, tested));
        }
        return new MaintenanceMetrics(tested, errors, new Rate(kept, tested), keptAfter);
    }
}
