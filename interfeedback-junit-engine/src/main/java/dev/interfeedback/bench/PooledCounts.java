package dev.interfeedback.bench;

import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.Maintenance;

/**
 * The counts of one pool of episodes (a category, or the whole run), folded one episode at a time:
 * what {@link Metrics} and {@link MaintenanceMetrics} are computed from. Not thread-safe.
 */
final class PooledCounts {

    private final int maxRounds;
    private long correct, excluded, corrected, notCorrected, errorsAtRound0, errorsAfterRound0;
    /** Index k: first corrected at round k; index 0 is unused. */
    private final long[] firstCorrectedAt;
    private boolean maintenanceRan;
    private long maintenanceTested, maintenanceErrors, maintenanceKept;
    /** Index k: the control's right answer first given up at round k; index 0 is unused. */
    private final long[] flippedAt;

    PooledCounts(int maxRounds) {
        this.maxRounds = maxRounds;
        this.firstCorrectedAt = new long[maxRounds + 1];
        this.flippedAt = new long[maxRounds + 1];
    }

    /**
     * @throws IllegalArgumentException naming the sample, for an episode no run can produce; the
     *     counts are then left as they were
     */
    void add(Episode episode) {
        check(episode, maxRounds);
        switch (episode.status()) {
            case CORRECT_AT_ROUND_0 -> correct++;
            case EXCLUDED -> excluded++;
            case NOT_CORRECTED -> notCorrected++;
            case CORRECTED -> {
                corrected++;
                firstCorrectedAt[episode.correctedAtRound()]++;
            }
            case ERROR -> {
                if (episode.rounds().isEmpty()) errorsAtRound0++;
                else errorsAfterRound0++;
            }
        }
        Maintenance m = episode.maintenance();
        if (m == null) return;
        maintenanceRan = true;
        if (m.error() != null) {
            maintenanceErrors++;
            return;
        }
        maintenanceTested++;
        if (m.kept()) maintenanceKept++;
        else flippedAt[m.flippedAtRound()]++;
    }

    /** @throws IllegalArgumentException naming the sample, for an episode no run can produce */
    static void check(Episode episode, int maxRounds) {
        if (episode.status() == EpisodeStatus.CORRECTED) {
            checkRound(episode, episode.correctedAtRound(), maxRounds, "corrected");
        }
        // A right round-0 answer ends the episode, so no later call can fail.
        if (episode.status() == EpisodeStatus.ERROR && !episode.rounds().isEmpty() && episode.rounds().get(0).correct()) {
            throw new IllegalArgumentException("sample " + episode.sampleId() + " is an error, but its round-0 answer is right");
        }
        Maintenance m = episode.maintenance();
        if (m != null && m.error() == null && !m.kept()) checkRound(episode, m.flippedAtRound(), maxRounds, "flipped");
    }

    private static void checkRound(Episode episode, Integer k, int maxRounds, String what) {
        if (k == null || k < 1 || k > maxRounds) {
            throw new IllegalArgumentException("sample " + episode.sampleId() + " " + what + " at round " + k
                    + ", outside 1.." + maxRounds);
        }
    }

    Metrics metrics() {
        return Metrics.fromCounts(new Counts(correct, excluded, corrected, notCorrected, errorsAtRound0, errorsAfterRound0),
                firstCorrectedAt);
    }

    /** @return null when no episode ran the answer-maintenance control */
    MaintenanceMetrics maintenance() {
        return maintenanceRan
                ? MaintenanceMetrics.fromCounts(maintenanceTested, maintenanceErrors, maintenanceKept, flippedAt)
                : null;
    }
}
