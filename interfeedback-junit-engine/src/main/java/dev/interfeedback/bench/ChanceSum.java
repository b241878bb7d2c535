package dev.interfeedback.bench;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.Round;

/**
 * The sums behind {@link ChanceCorrection}, folded one episode at a time. Each multiple-choice
 * sample adds min(1, r / u) for u untried options (1 to 26), a whole multiple of 1 / lcm(1..26):
 * the expected corrections are kept as a count of those, exact, so that they come out the same
 * whatever order the episodes finish in (a sum of doubles does not). Not thread-safe.
 */
final class ChanceSum {

    /** lcm(1..26): 1 / u is a whole multiple of 1 / DENOMINATOR for every count u of untried options. */
    static final long DENOMINATOR = 26_771_144_400L;

    private final int rounds;
    private long expected, testSet, multipleChoice;

    /** @param rounds the rounds each sample had (r) */
    ChanceSum(int rounds) {
        this.rounds = rounds;
    }

    /** @param sample the episode's sample, or null when it is not known: then it counts as free-form */
    void add(Sample sample, Episode episode) {
        if (episode.status() != EpisodeStatus.CORRECTED && episode.status() != EpisodeStatus.NOT_CORRECTED) return;
        if (sample != null && sample.isMultipleChoice() && sample.options().size() >= 2) {
            // Summed before anything is counted, so that an overflow leaves the sums as they were.
            expected = Math.addExact(expected, chance(sample, episode.rounds().get(0)));
            multipleChoice++;
        }
        testSet++;
    }

    /** The chance that guessing untried options corrects this sample within the rounds, in 1 / DENOMINATOR. */
    private long chance(Sample sample, Round roundZero) {
        int options = sample.options().size();
        boolean triedOne = roundZero.extracted() != null && sample.optionLetters().contains(roundZero.extracted().strip());
        int untried = triedOne ? options - 1 : options;
        return rounds >= untried ? DENOMINATOR : rounds * (DENOMINATOR / untried);
    }

    ChanceCorrection correction() {
        return new ChanceCorrection((double) expected / DENOMINATOR, testSet, multipleChoice, rounds);
    }
}
