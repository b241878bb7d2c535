package dev.interfeedback.bench;

/**
 * The counts every rate is computed from: a partition of the samples, so that they add up.
 *
 * <pre>
 * samples       = correctAtRound0 + wrongAtRound0 + errorsAtRound0
 * wrongAtRound0 = excluded + testSet + errorsAfterRound0
 * testSet       = corrected + notCorrected
 * errors        = errorsAtRound0 + errorsAfterRound0
 * </pre>
 *
 * An error at round 0 (the receiver's round-0 call failed) has no round-0 answer, so it leaves
 * accuracy's denominator and the test set's. An error after round 0 (the receiver answered wrong
 * at round 0, then the provider's round-0 answer or a feedback round failed) stays in accuracy's
 * denominator, as wrong, and leaves only the test set's.
 *
 * @param correctAtRound0 right at round 0
 * @param excluded wrong at round 0 and outside the test set: the provider cannot solve it either
 * @param corrected test-set samples right within the allowed rounds (N_c)
 * @param notCorrected test-set samples still wrong after the last round
 * @param errorsAtRound0 the receiver's round-0 call failed
 * @param errorsAfterRound0 wrong at round 0, then the provider's round-0 call or a feedback round failed
 */
public record Counts(
        long correctAtRound0, long excluded, long corrected, long notCorrected, long errorsAtRound0, long errorsAfterRound0) {

    /** All samples of the benchmark (N). */
    public long samples() {
        return correctAtRound0 + wrongAtRound0() + errorsAtRound0;
    }

    /** Answered wrong at round 0 (N_e): accuracy's failures. */
    public long wrongAtRound0() {
        return excluded + testSet() + errorsAfterRound0;
    }

    /** Wrong at round 0, solved by the provider, and with a verdict after the feedback loop. */
    public long testSet() {
        return corrected + notCorrected;
    }

    /** Samples with no verdict because a model call failed. */
    public long errors() {
        return errorsAtRound0 + errorsAfterRound0;
    }
}
