package dev.interfeedback.maven.results;

/**
 * A rate from {@code results.json}: value and Wilson 95% interval, with the counts behind it.
 * The value is NaN when the rate is undefined (no samples in its denominator).
 */
public record Figure(double value, double low, double high, long successes, long trials) {

    public boolean defined() {
        return !Double.isNaN(value);
    }

    /** "41.0% [30.2, 52.7] (9 of 22)", or "undefined (no samples)". */
    public String describe() {
        if (!defined()) return "undefined (no samples)";
        return String.format(java.util.Locale.ROOT, "%.1f%% [%.1f, %.1f] (%d of %d)",
                100 * value, 100 * low, 100 * high, successes, trials);
    }
}
