package dev.interfeedback.bench;

import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.Maintenance;
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

    /** @return null when no episode ran the control */
    public static MaintenanceMetrics of(List<Episode> episodes, int maxRounds) {
        long tested = 0, errors = 0, kept = 0;
        long[] flippedAt = new long[maxRounds + 1];
        boolean ran = false;
        for (Episode episode : episodes) {
            Maintenance m = episode.maintenance();
            if (m == null) continue;
            ran = true;
            if (m.error() != null) {
                errors++;
                continue;
            }
            tested++;
            if (m.kept()) kept++;
            else flippedAt[m.flippedAtRound()]++;
        }
        if (!ran) return null;
        List<Rate> keptAfter = new ArrayList<>();
        long flipped = 0;
        for (int k = 1; k <= maxRounds; k++) {
            flipped += flippedAt[k];
            keptAfter.add(new Rate(tested - flipped, tested));
        }
        return new MaintenanceMetrics(tested, errors, new Rate(kept, tested), keptAfter);
    }
}
