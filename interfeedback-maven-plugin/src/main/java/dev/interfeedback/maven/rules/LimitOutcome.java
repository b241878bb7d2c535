package dev.interfeedback.maven.rules;

/**
 * One limit checked on one element, met or not: what the HTML report's gate lists.
 *
 * @param element {@code benchmark} or {@code category}
 * @param subject the benchmark id, or {@code <benchmark id>/<category>}
 * @param counter the counter's name ({@code CORRECTION_RATE}, ...)
 * @param label the counter as a reader says it ("correction rate")
 * @param bound {@code minimum} or {@code maximum}
 * @param limit the limit as configured ({@code 60%}, {@code 0.25})
 * @param measured the figure as measured, "95.5% [78.2, 99.2] (21 of 22)" or why it is undefined
 * @param value the measured rate, NaN when undefined
 * @param violation the violation's line, or null when the limit is met or was not checked
 */
public record LimitOutcome(String element, String subject, String counter, String label, String bound, String limit,
        String measured, double value, Violation violation) {

    public boolean met() {
        return violation == null;
    }

    /** Met, violated, or not checked (an undefined rate that no error left undefined). */
    public String status() {
        if (violation != null) return "violated";
        return Double.isNaN(value) ? "not checked" : "met";
    }
}
