package dev.interfeedback.scoring;

import java.util.List;

/** What a free-form answer is, read as mathematics: the shapes {@link Equivalence} compares. */
sealed interface MathForm {

    /**
     * A number or an expression.
     *
     * @param decimals the digits after the point of a written decimal ({@code 3222.80}: 2), or -1
     *     for an exact form (a fraction, a root, pi) and for expressions with variables
     */
    record Scalar(MathExpression expression, int decimals) implements MathForm {
        boolean writtenDecimal() {
            return decimals >= 0;
        }
    }

    /**
     * An equation or inequality, kept whole: {@code lhs op rhs} with {@code op} one of
     * {@code = < ≤} (a {@code >} is read from the other side).
     */
    record Relation(Scalar lhs, char op, Scalar rhs) implements MathForm {}

    /** Coordinates, a tuple, an interval or a union of intervals: {@code (90°, 5)}, {@code [-5,-3) ∪ (-3,5]}. */
    record Brackets(List<Group> groups) implements MathForm {}

    /** One bracketed group: its bracket characters and items. */
    record Group(char open, List<Scalar> items, char close) {}

    /**
     * Anything else, as a person reads prose with mathematics in it ("domain: [-4, 0) and range:
     * (-3, 1]", "N 34° W", "even"): words (lower case, filler left out) and symbols as tokens,
     * mathematics as forms compared by value.
     */
    record Words(List<Object> tokens) implements MathForm {}
}
