package dev.interfeedback.bench;

/**
 * The counts every rate is computed from.
 *
 * @param samples all samples of the benchmark (N)
 * @param correctAtRound0 right at round 0
 * @param wrongAtRound0 wrong at round 0 (N_e over the full dataset)
 * @param testSet wrong at round 0 and solved by the provider, with a verdict after the loop
 * @param corrected test-set samples right within the allowed rounds (N_c)
 * @param errors samples with no verdict because a model call failed; outside every denominator
 */
public record Counts(long samples, long correctAtRound0, long wrongAtRound0, long testSet, long corrected, long errors) {}
