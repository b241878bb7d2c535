package dev.interfeedback.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** Token sums read from a results.json, to hold against what a server billed. */
public final class MatrixTotals {

    private MatrixTotals() {}

    /** The run's total of one kind of token ({@code prompt}, {@code completion}) over its models. */
    public static long sum(JsonNode results, String kind) {
        long sum = 0;
        for (JsonNode model : results.path("totals").path("models")) sum += model.path("tokens").path(kind).asLong();
        return sum;
    }

    /** The benchmarks' own tokens of the receiver and provider, each cell counted as if it ran alone. */
    public static long cells(JsonNode results, String kind) {
        long sum = 0;
        for (JsonNode b : results.path("benchmarks")) {
            sum += b.path("receiver").path("tokens").path(kind).asLong() + b.path("provider").path("tokens").path(kind).asLong();
        }
        return sum;
    }

    /** The round-0 tokens the cells took from another cell of their matrix. */
    public static long shared(JsonNode results, String kind) {
        long sum = 0;
        for (JsonNode b : results.path("benchmarks")) {
            sum += b.path("receiver").path("sharedRoundZeroTokens").path(kind).asLong()
                    + b.path("provider").path("sharedRoundZeroTokens").path(kind).asLong();
        }
        return sum;
    }
}
