package dev.interfeedback.maven.results;

import java.util.List;

/**
 * One benchmark of {@code results.json}, as the plugin reads it.
 *
 * @param id the benchmark id
 * @param receiver the receiver's description (alias and model)
 * @param provider the provider's description
 * @param feedback the feedback kind
 * @param maxRounds the most feedback rounds
 * @param simulated whether either model was the offline simulator
 * @param figures the benchmark's figures
 * @param perRound the share of the test set first corrected at each round, in round order
 * @param categories the figures of each category
 * @param cell the matrix cell this benchmark is, or null for a benchmark of its own
 */
public record BenchmarkSummary(
        String id,
        String receiver,
        String provider,
        String feedback,
        int maxRounds,
        boolean simulated,
        Figures figures,
        List<Double> perRound,
        List<Figures> categories,
        MatrixCell cell) {

    /**
     * A cell of a benchmark matrix: its receiver, provider and feedback kind.
     *
     * @param matrix the matrix's id
     */
    public record MatrixCell(String matrix, String receiver, String provider, String feedback) {}

    public BenchmarkSummary {
        perRound = List.copyOf(perRound);
        categories = List.copyOf(categories);
    }
}
