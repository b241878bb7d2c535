package dev.interfeedback.scoring;

/**
 * Decides whether a normalized free-form answer matches the ground truth. Stateless, thread-safe.
 *
 * <p>Numbers are compared by value, and how closely depends on how the ground truth is written:
 *
 * <ul>
 *   <li>A written decimal (51.1, 3222.80, 285) is the value the question asked for, already rounded
 *       as the question demands. The response must equal it (relative tolerance 1e-6, for binary
 *       floating point only): 51.10 and 51.1 match, 51.12 does not. Rounding to the requested
 *       precision is part of the task, and the paper's reward is an exact match; accepting
 *       anything that rounds to the truth would also let 0.4 match a truth of 0.
 *   <li>An exact expression (\frac{1225\pi}{2}) is evaluated, pi included, rather than compared
 *       symbolically, so a response may give the same expression in any form (612.5\pi) or a
 *       decimal correctly rounded at its own precision (1924.23, 1924.2; 1225π/2 = 1924.2255),
 *       provided that decimal is within 0.1% of the value, so "3" does not pass for pi.
 * </ul>
 *
 * Everything else is compared as normalized text (case, spaces and LaTeX spacing ignored).
 */
public final class FreeFormMatcher {

    private static final double SAME_VALUE = 1e-6;
    private static final double ABSOLUTE_FLOOR = 1e-9;
    private static final double APPROXIMATION = 1e-3;

    public boolean matches(NormalizedAnswer response, NormalizedAnswer truth) {
        if (truth.numeric() && response.numeric()) {
            double r = response.value().getAsDouble();
            double t = truth.value().getAsDouble();
            if (sameValue(r, t)) {
                return true;
            }
            return !truth.plainDecimal() && response.plainDecimal() && roundsTo(r, response.decimals(), t);
        }
        if (truth.numeric() != response.numeric()) {
            return false;
        }
        return !truth.text().isEmpty() && truth.text().equals(response.text());
    }

    private static boolean sameValue(double r, double t) {
        return Math.abs(r - t) <= Math.max(ABSOLUTE_FLOOR, SAME_VALUE * Math.abs(t));
    }

    /** Whether r is the exact value t rounded to r's own number of decimals. */
    private static boolean roundsTo(double r, int decimals, double t) {
        double halfUlp = 0.5 * Math.pow(10, -decimals);
        double error = Math.abs(r - t);
        return error <= halfUlp * (1 + 1e-9) && error <= APPROXIMATION * Math.abs(t);
    }
}
