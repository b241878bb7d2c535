package dev.interfeedback.bench;

/**
 * The corrections a receiver would get by guessing: on a multiple-choice sample of the test set, a
 * receiver that answers an option it has not tried yet, at random, each round, hits the right one
 * within r rounds with probability min(1, r / u), where u is the number of untried options after
 * round 0 (k − 1 for k options when its round-0 answer named an option, k when it named none).
 * Free-form samples have no finite set of options to guess from and count 0. The paper notes
 * models guessing by elimination; a correction rate near this one says little about feedback.
 *
 * @param expected the corrections expected from guessing, summed over the test set
 * @param testSet the samples of the test set (the correction rate's denominator)
 * @param multipleChoice how many of them are multiple-choice, the only ones guessing can correct
 * @param rounds the rounds each sample had (r)
 */
public record ChanceCorrection(double expected, long testSet, long multipleChoice, int rounds) {

    public static final ChanceCorrection NONE = new ChanceCorrection(0, 0, 0, 0);

    /** The correction rate guessing would reach: expected / test set; NaN for an empty test set. */
    public double rate() {
        return testSet == 0 ? Double.NaN : expected / testSet;
    }

    /** The correction rate above what guessing would reach (negative when below); NaN for an empty test set. */
    public double excess(Rate correctionRate) {
        return testSet == 0 ? Double.NaN : correctionRate.value() - rate();
    }
}
