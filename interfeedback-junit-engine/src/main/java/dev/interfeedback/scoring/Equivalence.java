package dev.interfeedback.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether a free-form answer is the ground truth, as mathematics. Stateless, thread-safe.
 *
 * <ul>
 *   <li>Numbers are compared at the ground truth's precision. A written decimal (51.1, 3222.80)
 *       is the value the question asked for, already rounded as asked: a decimal answer must
 *       equal it (51.10 matches, 51.12 does not; the paper's reward is an exact match, and
 *       accepting anything that rounds to the truth would let 0.4 match 0). An exact answer
 *       (\sqrt{68}) matches a rounded truth (8.246) it rounds to. An exact truth
 *       (\frac{1225\pi}{2}) matches the same value in any form, or a decimal correctly rounded at
 *       its own precision (1924.23), within 0.1%, so "3" does not pass for pi.
 *   <li>Expressions are compared by value at several points ({@code 3/4(x-2)} is
 *       {@code \frac{3}{4}(x-2)}); equations by {@code lhs - rhs}, which must agree up to a
 *       nonzero constant factor at every point (a rearranged or scaled equation is the same
 *       equation; {@code \frac{x^2}{81}+\frac{y^2}{9}=1} is not its right-hand side 1);
 *       inequalities the same, with a positive factor and the same strictness.
 *   <li>Coordinates and intervals item by item, brackets included; prose with mathematics in it
 *       word by word and form by form.
 *   <li>Units are read, not required: 4.4 m matches 4.4, but a value whose unit measures
 *       something else (270° and 270 cm³, 113.1 cm and 113.1 cm²) does not.
 * </ul>
 *
 * Every outcome says which rule decided and whether the rules are certain of it: a comparison of
 * prose, or of prose with mathematics, is unsure.
 */
final class Equivalence {

    /** Which rule decided, and whether it is sure of its verdict. */
    record Outcome(boolean match, String rule, boolean certain) {}

    private static final double SAME_VALUE = 1e-6;
    private static final double ABSOLUTE_FLOOR = 1e-9;
    private static final double APPROXIMATION = 1e-3;
    private static final int POINTS = 7;
    private static final int ENOUGH_POINTS = 3;

    Outcome compare(FreeFormAnswer response, FreeFormAnswer truth) {
        boolean valuesOnBothSides = truth.value() != null && response.value() != null;
        if (truth.relation() != null && response.relation() != null
                && !(valuesOnBothSides && namesAgree(truth.label(), response.label()))) {
            return relations(response.relation(), truth.relation());
        }
        if (valuesOnBothSides) {
            if (truth.dimension() != null && response.dimension() != null && !truth.dimension().equals(response.dimension())) {
                return new Outcome(false, "unit", true); // 270° is not 270 cm³, 113.1 cm is not 113.1 cm²
            }
            return forms(response.value(), truth.value());
        }
        // One side is an equation with no named value (a conic), the other is not an equation.
        boolean prose = isWords(truth) || isWords(response);
        return new Outcome(false, truth.relation() != null ? relationRule(truth.relation()) : "shape", !prose);
    }

    /** Both name the value ("y = 21.61" and "V = 21.61" are not compared as equations) unless both are one letter. */
    private static boolean namesAgree(String truth, String response) {
        if (truth == null || response == null) {
            return false;
        }
        return truth.equalsIgnoreCase(response) || truth.length() > 1 || response.length() > 1;
    }

    private static boolean isWords(FreeFormAnswer answer) {
        return answer.value() instanceof MathForm.Words;
    }

    private Outcome forms(MathForm r, MathForm t) {
        if (r instanceof MathForm.Scalar rs && t instanceof MathForm.Scalar ts) {
            return scalars(rs, ts);
        }
        if (r instanceof MathForm.Brackets rb && t instanceof MathForm.Brackets tb) {
            return new Outcome(brackets(rb, tb), "brackets", true);
        }
        if (r instanceof MathForm.Words rw && t instanceof MathForm.Words tw) {
            boolean match = tokens(rw.tokens(), tw.tokens());
            return new Outcome(match, "words", match);
        }
        boolean prose = r instanceof MathForm.Words || t instanceof MathForm.Words;
        return new Outcome(false, prose ? "words" : "shape", !prose);
    }

    private Outcome scalars(MathForm.Scalar r, MathForm.Scalar t) {
        if (r.expression().constant() && t.expression().constant()) {
            return new Outcome(numbers(r, t), "number", true);
        }
        Boolean same = sameFunction(r.expression(), t.expression());
        return new Outcome(Boolean.TRUE.equals(same), "expression", same != null);
    }

    private static boolean numbers(MathForm.Scalar response, MathForm.Scalar truth) {
        double r = response.expression().value();
        double t = truth.expression().value();
        if (Double.isNaN(r) || Double.isNaN(t)) {
            return false;
        }
        if (sameValue(r, t)) {
            return true;
        }
        if (truth.writtenDecimal() && !response.writtenDecimal()) {
            return roundsTo(t, truth.decimals(), r);
        }
        return !truth.writtenDecimal() && response.writtenDecimal() && roundsTo(r, response.decimals(), t);
    }

    static boolean sameValue(double r, double t) {
        if (Double.isInfinite(r) || Double.isInfinite(t)) {
            return r == t;
        }
        return Math.abs(r - t) <= Math.max(ABSOLUTE_FLOOR, SAME_VALUE * Math.max(Math.abs(r), Math.abs(t)));
    }

    /** Whether the decimal d, written with {@code decimals} digits after the point, is the exact value rounded. */
    private static boolean roundsTo(double d, int decimals, double exact) {
        double error = Math.abs(d - exact);
        return error <= 0.5 * Math.pow(10, -decimals) * (1 + 1e-9) && error <= APPROXIMATION * Math.abs(exact);
    }

    private boolean brackets(MathForm.Brackets r, MathForm.Brackets t) {
        if (r.groups().size() != t.groups().size()) {
            return false;
        }
        for (int g = 0; g < t.groups().size(); g++) {
            MathForm.Group rg = r.groups().get(g);
            MathForm.Group tg = t.groups().get(g);
            if (rg.open() != tg.open() || rg.close() != tg.close() || rg.items().size() != tg.items().size()) {
                return false;
            }
            for (int i = 0; i < tg.items().size(); i++) {
                if (!scalars(rg.items().get(i), tg.items().get(i)).match()) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean tokens(List<Object> r, List<Object> t) {
        if (r.size() != t.size()) {
            return false;
        }
        for (int i = 0; i < t.size(); i++) {
            Object a = r.get(i);
            Object b = t.get(i);
            if (a instanceof MathForm fa && b instanceof MathForm fb) {
                if (!forms(fa, fb).match()) {
                    return false;
                }
            } else if (!a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    private Outcome relations(MathForm.Relation r, MathForm.Relation t) {
        String rule = relationRule(t);
        if (r.op() != t.op()) {
            return new Outcome(false, rule, true);
        }
        Boolean same = proportional(difference(r), difference(t), t.op() != '=');
        return new Outcome(Boolean.TRUE.equals(same), rule, same != null);
    }

    private static String relationRule(MathForm.Relation relation) {
        return relation.op() == '=' ? "equation" : "inequality";
    }

    private static MathExpression difference(MathForm.Relation relation) {
        MathExpression l = relation.lhs().expression();
        MathExpression r = relation.rhs().expression();
        Set<String> variables = new TreeSet<>(l.variables());
        variables.addAll(r.variables());
        return new MathExpression(v -> l.tree().at(v) - r.tree().at(v), variables);
    }

    /** Same value at every point; null when too few points could be evaluated to tell. */
    private static Boolean sameFunction(MathExpression r, MathExpression t) {
        double[][] values = evaluate(r, t);
        if (values == null) {
            return null;
        }
        for (double[] pair : values) {
            if (!sameValue(pair[0], pair[1])) {
                return false;
            }
        }
        return true;
    }

    /** r = c·t at every point for one constant c ≠ 0 (c > 0 when the sign matters); null when undecidable. */
    private static Boolean proportional(MathExpression r, MathExpression t, boolean positive) {
        double[][] values = evaluate(r, t);
        if (values == null) {
            return null;
        }
        double[] largest = values[0];
        for (double[] pair : values) {
            if (Math.abs(pair[1]) > Math.abs(largest[1])) {
                largest = pair;
            }
        }
        if (Math.abs(largest[1]) <= ABSOLUTE_FLOOR) {
            return null; // the truth is 0 everywhere: nothing to compare with
        }
        double c = largest[0] / largest[1];
        if (c == 0 || !Double.isFinite(c) || (positive && c < 0)) {
            return false;
        }
        for (double[] pair : values) {
            if (!sameValue(pair[0], c * pair[1])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Both expressions at the same points (variables drawn from a fixed seed between 0.5 and 3,
     * where roots and logarithms of the usual answers are defined), or null when fewer than three
     * points give both a number; a point where only one is defined makes them differ.
     */
    private static double[][] evaluate(MathExpression r, MathExpression t) {
        Set<String> variables = new TreeSet<>(r.variables());
        variables.addAll(t.variables());
        Random random = new Random(2502_15027L);
        double[][] values = new double[POINTS][];
        int defined = 0;
        for (int p = 0; p < POINTS; p++) {
            Map<String, Double> point = new HashMap<>();
            for (String variable : variables) {
                point.put(variable, 0.5 + 2.5 * random.nextDouble());
            }
            double a = r.tree().at(point);
            double b = t.tree().at(point);
            if (Double.isNaN(a) != Double.isNaN(b)) {
                return new double[][] {{0, 1}}; // defined for one only: different
            }
            if (!Double.isNaN(a)) {
                values[defined++] = new double[] {a, b};
            }
        }
        return defined < ENOUGH_POINTS ? null : java.util.Arrays.copyOf(values, defined);
    }
}
