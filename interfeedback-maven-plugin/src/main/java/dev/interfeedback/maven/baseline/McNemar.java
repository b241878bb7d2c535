package dev.interfeedback.maven.baseline;

/**
 * McNemar's exact test on paired outcomes: of the samples whose outcome changed, is the number
 * that got worse more than chance would give? Only discordant pairs carry information, so a
 * handful of flips on a large benchmark is not called a regression.
 */
public final class McNemar {

    private McNemar() {}

    /**
     * One-sided exact p-value: P(X ≥ worse) for X ~ Binomial(worse + better, 1/2).
     *
     * @param worse pairs that went from passing to failing
     * @param better pairs that went from failing to passing
     */
    public static double pWorse(long worse, long better) {
        long n = worse + better;
        if (n == 0) return 1.0;
        // Summed in log space: 0.5^n underflows for a few thousand discordant pairs.
        double logHalfN = -n * Math.log(2);
        double logChoose = 0; // log C(n, 0)
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[(int) (n + 1)];
        for (long k = 0; k <= n; k++) {
            if (k > 0) logChoose += Math.log((double) (n - k + 1) / k);
            terms[(int) k] = logChoose + logHalfN;
        }
        for (long k = worse; k <= n; k++) max = Math.max(max, terms[(int) k]);
        double sum = 0;
        for (long k = worse; k <= n; k++) sum += Math.exp(terms[(int) k] - max);
        return Math.min(1.0, Math.exp(max + Math.log(sum)));
    }
}
