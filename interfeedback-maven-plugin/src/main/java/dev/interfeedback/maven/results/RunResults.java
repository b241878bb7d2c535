package dev.interfeedback.maven.results;

import java.util.List;

/**
 * What results.json holds.
 *
 * @param runId the run that wrote it, or null when written before runs had ids
 * @param benchmarks its benchmarks, at least one
 */
public record RunResults(String runId, List<BenchmarkSummary> benchmarks) {

    public RunResults {
        benchmarks = List.copyOf(benchmarks);
    }
}
