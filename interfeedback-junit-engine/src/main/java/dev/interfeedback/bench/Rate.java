package dev.interfeedback.bench;

/**
 * A proportion with its Wilson score 95% interval, which stays inside [0, 1] and behaves at
 * small counts and at 0% or 100%, where the normal approximation does not.
 *
 * @param successes the count in the numerator
 * @param trials the count in the denominator; 0 leaves the rate undefined (NaN)
 */
public record Rate(long successes, long trials) {

    private static final double Z95 = 1.959963984540054;

    public Rate {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("a rate needs 0 <= successes <= trials, got " + successes + "/" + trials);
        }
    }

    public boolean defined() {
        return trials > 0;
    }

    public double value() {
        return defined() ? (double) successes / trials : Double.NaN;
    }

    public double low() {
        if (!defined()) return Double.NaN;
        // Exactly 0 at 0%, where floating point would leave a trace of rounding.
        return successes == 0 ? 0 : Math.max(0, center() - halfWidth());
    }

    public double high() {
        if (!defined()) return Double.NaN;
        // Exactly 1 at 100%, where floating point would give 0.9999999999999999.
        return successes == trials ? 1 : Math.min(1, center() + halfWidth());
    }

    private double center() {
        double n = trials, p = value(), z2 = Z95 * Z95;
        return (p + z2 / (2 * n)) / (1 + z2 / n);
    }

    private double halfWidth() {
        double n = trials, p = value(), z2 = Z95 * Z95;
        return Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    }

    /** "37.0% [27.3, 47.9]", or "n/a" with no trials. */
    public String format() {
        if (!defined()) return "n/a";
        return String.format(java.util.Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * value(), 100 * low(), 100 * high());
    }
}
