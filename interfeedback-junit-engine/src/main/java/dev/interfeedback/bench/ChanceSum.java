package dev.interfeedback.bench;

import static dev.interfeedback.bench.ChanceCorrection.UNITS_PER_CORRECTION;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.Round;

/** The sums behind {@link ChanceCorrection}, folded one episode at a time. Not thread-safe. */
final class ChanceSum {

    private final int rounds;
    private long expectedUnits, testSet, multipleChoice;

    /** @param rounds the rounds each sample had (r) */
    ChanceSum(int rounds) {
        this.rounds = rounds;
    }

    /** @param sample the episode's sample, or null when it is not known: then it counts as free-form */
    void add(Sample sample, Episode episode) {
        if (episode.status() != EpisodeStatus.CORRECTED && episode.status() != EpisodeStatus.NOT_CORRECTED) return;
        if (sample != null && sample.isMultipleChoice() && sample.options().size() >= 2) {
            // Summed before anything is counted, so that an overflow leaves the sums as they were.
            expectedUnits = Math.addExact(expectedUnits, chance(sample, episode.rounds().get(0)));
            multipleChoice++;
        }
        testSet++;
    }

    /** The chance that guessing untried options corrects this sample within the rounds, in units of 1 / lcm(1..26). */
    private long chance(Sample sample, Round roundZero) {
        int options = sample.options().size();
        boolean triedOne = roundZero.extracted() != null && sample.optionLetters().contains(roundZero.extracted().strip());
        int untried = triedOne ? options - 1 : options;
        return rounds >= untried ? UNITS_PER_CORRECTION : rounds * (UNITS_PER_CORRECTION / untried);
    }

    ChanceCorrection correction() {
        return new ChanceCorrection(expectedUnits, testSet, multipleChoice, rounds);
    }
}
