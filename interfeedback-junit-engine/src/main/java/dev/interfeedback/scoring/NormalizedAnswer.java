package dev.interfeedback.scoring;

import java.util.OptionalDouble;

/**
 * A free-form answer reduced to what is compared.
 *
 * @param text the normalized text: a canonical decimal for a plain number, otherwise the answer
 *     without LaTeX dressing, units, case or spaces
 * @param value the numeric value, when the answer is a number or a numeric expression
 * @param decimals the digits after the decimal point of a plain decimal ({@code 3222.80}: 2), or
 *     -1 for an exact expression such as {@code \frac{1225\pi}{2}} and for non-numeric answers
 */
public record NormalizedAnswer(String text, OptionalDouble value, int decimals) {

    public boolean numeric() {
        return value.isPresent();
    }

    /** A written-out decimal, as opposed to an exact expression (fraction, pi, root). */
    public boolean plainDecimal() {
        return numeric() && decimals >= 0;
    }
}
