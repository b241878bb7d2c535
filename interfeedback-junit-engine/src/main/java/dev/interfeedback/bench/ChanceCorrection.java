package dev.interfeedback.bench;

/**
 * The corrections a receiver would get by guessing: on a multiple-choice sample of the test set, a
 * receiver that answers an option it has not tried yet, at random, each round, hits the right one
 * within r rounds with probability min(1, r / u), where u is the number of untried options after
 * round 0 (k − 1 for k options when its round-0 answer named an option, k when it named none).
 * Free-form samples have no finite set of options to guess from and count 0. The paper notes
 * models guessing by elimination; a correction rate near this one says little about feedback.
 *
 * @param expectedUnits the corrections expected from guessing, summed over the test set, in units of
 *     1 / {@link #UNITS_PER_CORRECTION}: exact, so that the sum is the same in any order and over
 *     any split into shards (a sum of doubles is neither)
 * @param testSet the samples of the test set (the correction rate's denominator)
 * @param multipleChoice how many of them are multiple-choice, the only ones guessing can correct
 * @param rounds the rounds each sample had (r)
 */
public record ChanceCorrection(long expectedUnits, long testSet, long multipleChoice, int rounds) {

    /** lcm(1..26): min(1, r / u) is a whole number of units for every count u of untried options (1 to 26). */
    public static final long UNITS_PER_CORRECTION = 26_771_144_400L;

    public static final ChanceCorrection NONE = new ChanceCorrection(0, 0, 0, 0);

    /** The corrections expected from guessing, summed over the test set. */
    public double expected() {
        return (double) expectedUnits / UNITS_PER_CORRECTION;
    }

    /** The correction rate guessing would reach: expected / test set; NaN for an empty test set. */
    public double rate() {
        return testSet == 0 ? Double.NaN : expected() / testSet;
    }

    /** The correction rate above what guessing would reach (negative when below); NaN for an empty test set. */
    public double excess(Rate correctionRate) {
        return testSet == 0 ? Double.NaN : correctionRate.value() - rate();
    }
}
