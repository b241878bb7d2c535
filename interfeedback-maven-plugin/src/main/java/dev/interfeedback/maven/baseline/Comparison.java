package dev.interfeedback.maven.baseline;

import java.util.List;
import java.util.Locale;

/**
 * One benchmark compared with its baseline, over the samples with a verdict in both runs.
 *
 * @param benchmark the benchmark id
 * @param paired samples with a verdict in both runs
 * @param passedBefore of those, passed in the baseline
 * @param passedNow of those, passed now
 * @param newlyFailing passed in the baseline, not now
 * @param newlyPassing not passed in the baseline, passed now
 * @param p McNemar's one-sided exact p-value that the new run is worse
 */
public record Comparison(
        String benchmark,
        int paired,
        int passedBefore,
        int passedNow,
        List<String> newlyFailing,
        List<String> newlyPassing,
        double p) {

    public Comparison {
        newlyFailing = List.copyOf(newlyFailing);
        newlyPassing = List.copyOf(newlyPassing);
    }

    /** The drop in pass rate, as a fraction (positive when the new run is worse). */
    public double drop() {
        return paired == 0 ? 0 : (double) (passedBefore - passedNow) / paired;
    }

    public String describe() {
        return String.format(Locale.ROOT, "pass rate %.1f%% -> %.1f%% over %d paired samples (%+.1f points), McNemar p = %.3g",
                percent(passedBefore), percent(passedNow), paired, 100.0 * (passedNow - passedBefore) / Math.max(1, paired), p);
    }

    private double percent(int passed) {
        return paired == 0 ? Double.NaN : 100.0 * passed / paired;
    }
}
