package dev.interfeedback.maven.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Compares a run with the committed baseline, sample by sample. A sample passes when the receiver
 * is right at round 0 or corrected within the rounds; a sample that errored in either run has no
 * verdict and is left out. A benchmark regresses when its pass rate drops by more than the
 * tolerance <em>and</em> McNemar's test finds the drop significant, so noise alone fails no build.
 */
public final class RegressionCheck {

    private static final Set<String> PASSED = Set.of("CORRECT_AT_ROUND_0", "CORRECTED");
    private static final String ERROR = "ERROR";

    private final double tolerance;
    private final double significance;

    /**
     * @param tolerance the largest drop in pass rate (a fraction) that is never a regression
     * @param significance the p-value under which a larger drop is a regression
     */
    public RegressionCheck(double tolerance, double significance) {
        if (!(significance > 0 && significance < 1)) {
            throw new IllegalArgumentException("significance: expected a p-value between 0 and 1, found " + significance);
        }
        this.tolerance = tolerance;
        this.significance = significance;
    }

    public List<Comparison> compare(Baseline baseline, Map<String, Map<String, String>> current, Consumer<String> notes) {
        List<Comparison> comparisons = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> run : current.entrySet()) {
            Map<String, String> before = baseline.benchmarks().get(run.getKey());
            if (before == null) {
                notes.accept("benchmark " + run.getKey() + " has no baseline yet; not compared");
                continue;
            }
            comparisons.add(compare(run.getKey(), before, run.getValue(), notes));
        }
        return comparisons;
    }

    /** Benchmarks of the baseline that did not run: a gate that skipped them would pass them unseen. */
    public List<String> notRun(Baseline baseline, Map<String, Map<String, String>> current) {
        return baseline.benchmarks().keySet().stream().filter(id -> !current.containsKey(id)).toList();
    }

    public boolean regressed(Comparison comparison) {
        return comparison.drop() > tolerance && comparison.p() < significance;
    }

    private static Comparison compare(String benchmark, Map<String, String> before, Map<String, String> now,
            Consumer<String> notes) {
        int paired = 0, passedBefore = 0, passedNow = 0, unpaired = 0;
        List<String> newlyFailing = new ArrayList<>(), newlyPassing = new ArrayList<>();
        for (Map.Entry<String, String> sample : now.entrySet()) {
            String old = before.get(sample.getKey());
            if (old == null || ERROR.equals(old) || ERROR.equals(sample.getValue())) {
                unpaired++;
                continue;
            }
            paired++;
            boolean was = PASSED.contains(old), is = PASSED.contains(sample.getValue());
            if (was) passedBefore++;
            if (is) passedNow++;
            if (was && !is) newlyFailing.add(sample.getKey());
            if (!was && is) newlyPassing.add(sample.getKey());
        }
        if (unpaired > 0) {
            notes.accept("benchmark " + benchmark + ": " + unpaired
                    + " samples are new, or errored in one of the runs; left out of the comparison");
        }
        double p = McNemar.pWorse(newlyFailing.size(), newlyPassing.size());
        return new Comparison(benchmark, paired, passedBefore, passedNow, newlyFailing, newlyPassing, p);
    }
}
