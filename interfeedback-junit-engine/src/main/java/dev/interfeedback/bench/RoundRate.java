package dev.interfeedback.bench;

/**
 * The samples first corrected at one round, as a share of the test set.
 *
 * @param round the feedback round, 1..N
 * @param rate first corrected at this round / test-set size; these add up to the correction rate
 */
public record RoundRate(int round, Rate rate) {}
