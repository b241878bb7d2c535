package dev.interfeedback.scoring;

import java.util.OptionalDouble;

/**
 * Evaluates the small numeric expressions that answers are written in: decimals (with thousands
 * separators), {@code \frac{a}{b}}, {@code a/b}, {@code \pi}, {@code \sqrt{x}}, powers, products
 * written side by side ({@code 1225\pi}) and sums. Anything else (a variable, an interval) makes
 * the whole text non-numeric, so it is compared as text instead.
 */
final class NumberExpression {

    private final String s;
    private int pos;

    private NumberExpression(String s) {
        this.s = s;
    }

    static OptionalDouble evaluate(String text) {
        NumberExpression parser = new NumberExpression(text);
        try {
            double value = parser.expression();
            parser.skipSpace();
            if (parser.pos != text.length() || Double.isNaN(value) || Double.isInfinite(value)) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(value);
        } catch (NotNumeric e) {
            return OptionalDouble.empty();
        }
    }

    private double expression() {
        skipSpace();
        double value;
        if (eat('-')) {
            value = -term();
        } else {
            eat('+');
            value = term();
        }
        while (true) {
            if (eat('+')) {
                value += term();
            } else if (eat('-')) {
                value -= term();
            } else {
                return value;
            }
        }
    }

    private double term() {
        double value = power();
        while (true) {
            if (eat('*') || eatWord("\\cdot") || eatWord("\\times")) {
                value *= power();
            } else if (eat('/') || eatWord("\\div")) {
                value /= power();
            } else if (startsPrimary()) {
                value *= power(); // implicit product: 1225\pi, 2\sqrt{3}
            } else {
                return value;
            }
        }
    }

    private double power() {
        double base = primary();
        if (eat('^')) {
            return Math.pow(base, primary());
        }
        return base;
    }

    private double primary() {
        skipSpace();
        if (eat('(')) {
            double v = expression();
            expect(')');
            return v;
        }
        if (eat('{')) {
            double v = expression();
            expect('}');
            return v;
        }
        if (eatWord("\\pi") || eat('π')) {
            return Math.PI;
        }
        if (eatWord("\\frac")) {
            double numerator = primary();
            double denominator = primary();
            return numerator / denominator;
        }
        if (eatWord("\\sqrt")) {
            return Math.sqrt(primary());
        }
        if (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
            return number();
        }
        throw new NotNumeric();
    }

    private double number() {
        int start = pos;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.' || isThousands())) {
            pos++;
        }
        String literal = s.substring(start, pos).replace(",", "");
        try {
            return Double.parseDouble(literal);
        } catch (NumberFormatException e) {
            throw new NotNumeric();
        }
    }

    /** A comma between digits followed by exactly three digits: 3,222.80 (not the 5,3 of a pair). */
    private boolean isThousands() {
        if (s.charAt(pos) != ',' || pos == 0 || !Character.isDigit(s.charAt(pos - 1))) {
            return false;
        }
        int digits = 0;
        int i = pos + 1;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            digits++;
            i++;
        }
        return digits == 3;
    }

    private boolean startsPrimary() {
        skipSpace();
        if (pos >= s.length()) {
            return false;
        }
        char c = s.charAt(pos);
        return c == '(' || c == '{' || c == 'π' || Character.isDigit(c)
                || s.startsWith("\\pi", pos) || s.startsWith("\\frac", pos) || s.startsWith("\\sqrt", pos);
    }

    private boolean eat(char c) {
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean eatWord(String word) {
        skipSpace();
        if (!s.startsWith(word, pos)) {
            return false;
        }
        int end = pos + word.length();
        if (end < s.length() && Character.isLetter(s.charAt(end))) {
            return false; // \pi must not swallow the start of \pitchfork
        }
        pos = end;
        return true;
    }

    private void expect(char c) {
        if (!eat(c)) {
            throw new NotNumeric();
        }
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    /** Control flow only: the text is not a number. */
    private static final class NotNumeric extends RuntimeException {
        NotNumeric() {
            super(null, null, false, false);
        }
    }
}
