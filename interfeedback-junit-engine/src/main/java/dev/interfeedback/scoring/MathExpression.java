package dev.interfeedback.scoring;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;

/**
 * A mathematical expression as answers write it, LaTeX or plain ({@code \frac{x^2}{81}},
 * {@code 3/4(x-2)}, {@code √3}, {@code sqrt(3)}, {@code \cos (2\pi x)}, {@code |x-3|}), parsed
 * by recursive descent into a tree that is evaluated, not printed: two answers are the same
 * expression when they have the same value wherever they are compared (see {@link Equivalence}).
 * Letters are variables (case kept: R and r differ); products may be written side by side.
 *
 * @param tree the parsed expression
 * @param variables the variables it uses, sorted
 */
record MathExpression(Node tree, Set<String> variables) {

    /** A node of the tree: its value for the given variable values. */
    @FunctionalInterface
    interface Node {
        double at(Map<String, Double> values);
    }

    /**
     * Longer than any final answer a person would write; the parser and the tree recurse once per
     * bracket or operator, so this also bounds their depth against hostile output such as two
     * thousand opening brackets.
     */
    static final int MAX_LENGTH = 400;

    /** Parses the whole text as one expression; empty when it is not one (or is longer than {@link #MAX_LENGTH}). */
    static Optional<MathExpression> parse(String text) {
        if (text.length() > MAX_LENGTH) return Optional.empty();
        Parser parser = new Parser(text);
        try {
            Node node = parser.expression();
            parser.skipSpace();
            if (parser.pos != text.length()) {
                return Optional.empty();
            }
            return Optional.of(new MathExpression(node, Collections.unmodifiableSet(parser.variables)));
        } catch (NotAnExpression e) {
            return Optional.empty();
        }
    }

    boolean constant() {
        return variables.isEmpty();
    }

    double value() {
        return tree.at(Map.of());
    }

    private static final class Parser {

        private static final Map<String, DoubleUnaryOperator> FUNCTIONS = Map.ofEntries(
                Map.entry("sin", Math::sin), Map.entry("cos", Math::cos), Map.entry("tan", Math::tan),
                Map.entry("cot", x -> 1 / Math.tan(x)), Map.entry("sec", x -> 1 / Math.cos(x)),
                Map.entry("csc", x -> 1 / Math.sin(x)), Map.entry("arcsin", Math::asin),
                Map.entry("arccos", Math::acos), Map.entry("arctan", Math::atan), Map.entry("ln", Math::log),
                Map.entry("log", Math::log10), Map.entry("exp", Math::exp), Map.entry("sqrt", Math::sqrt));
        private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "theta", "lambda",
                "mu", "phi", "varphi", "omega", "sigma", "rho", "tau", "epsilon", "varepsilon");

        private final String s;
        private final Set<String> variables = new TreeSet<>();
        private int pos;
        /** Inside |...|, a bar closes rather than opens. */
        private int bars;
        /** Inside brackets a comma separates items, so it is never a thousands separator. */
        private int brackets;

        Parser(String s) {
            this.s = s;
        }

        Node expression() {
            skipSpace();
            Node value;
            if (eat('-')) {
                Node term = term();
                value = v -> -term.at(v);
            } else {
                eat('+');
                value = term();
            }
            while (true) {
                Node left = value;
                if (eat('+')) {
                    Node right = term();
                    value = v -> left.at(v) + right.at(v);
                } else if (eat('-')) {
                    Node right = term();
                    value = v -> left.at(v) - right.at(v);
                } else {
                    return value;
                }
            }
        }

        private Node term() {
            Node value = signed();
            while (true) {
                Node left = value;
                if (eat('*') || eatCommand("cdot") || eatCommand("times")) {
                    Node right = signed();
                    value = v -> left.at(v) * right.at(v);
                } else if (eat('/') || eatCommand("div")) {
                    Node right = signed();
                    value = v -> left.at(v) / right.at(v);
                } else if (startsPrimary()) {
                    Node right = power(); // side by side: 1225\pi, 2\sqrt{3}, 3/4(x-2) is (3/4)(x-2)
                    value = v -> left.at(v) * right.at(v);
                } else {
                    return value;
                }
            }
        }

        /** A factor after * or /, which may carry its own sign: 2*-3. */
        private Node signed() {
            if (eat('-')) {
                Node factor = power();
                return v -> -factor.at(v);
            }
            return power();
        }

        private Node power() {
            Node base = primary();
            while (true) {
                skipSpace();
                if (eat('°')) {
                    continue; // degrees are compared as the numbers written
                }
                if (eat('²') || eat('³')) {
                    double exponent = s.charAt(pos - 1) == '²' ? 2 : 3;
                    Node b = base;
                    base = v -> Math.pow(b.at(v), exponent);
                    continue;
                }
                if (!eat('^')) {
                    return base;
                }
                skipSpace();
                Node exponent;
                if (eat('{')) {
                    exponent = expression();
                    expect('}');
                } else if (eat('-')) {
                    Node e = primary();
                    exponent = v -> -e.at(v);
                } else {
                    exponent = primary();
                }
                Node b = base;
                Node e = exponent;
                base = v -> Math.pow(b.at(v), e.at(v));
            }
        }

        private Node primary() {
            skipSpace();
            if (pos >= s.length()) {
                throw new NotAnExpression();
            }
            char c = s.charAt(pos);
            if (c == '(' || c == '[') {
                pos++;
                brackets++;
                Node inner = expression();
                brackets--;
                expect(c == '(' ? ')' : ']');
                return inner;
            }
            if (eat('{')) {
                Node inner = expression();
                expect('}');
                return inner;
            }
            if (c == '|' && bars == 0) {
                pos++;
                bars++;
                Node inner = expression();
                bars--;
                expect('|');
                return v -> Math.abs(inner.at(v));
            }
            if (eat('π')) {
                return v -> Math.PI;
            }
            if (eat('∞')) {
                return v -> Double.POSITIVE_INFINITY;
            }
            if (eat('√')) {
                Node radicand = power();
                return v -> Math.sqrt(radicand.at(v));
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (c == '\\') {
                return command();
            }
            if (Character.isLetter(c)) {
                return letters();
            }
            throw new NotAnExpression();
        }

        private Node command() {
            int start = ++pos;
            while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
                pos++;
            }
            String name = s.substring(start, pos);
            switch (name) {
                case "pi":
                    return v -> Math.PI;
                case "infty":
                    return v -> Double.POSITIVE_INFINITY;
                case "frac": {
                    Node numerator = argument();
                    Node denominator = argument();
                    return v -> numerator.at(v) / denominator.at(v);
                }
                case "sqrt": {
                    if (eat('[')) {
                        Node index = expression();
                        expect(']');
                        Node radicand = argument();
                        return v -> Math.pow(radicand.at(v), 1 / index.at(v));
                    }
                    Node radicand = primary(); // √12 is the root of 12, where \frac12 is a half
                    return v -> Math.sqrt(radicand.at(v));
                }
                default:
                    if (FUNCTIONS.containsKey(name)) {
                        return function(FUNCTIONS.get(name));
                    }
                    if (GREEK.contains(name)) {
                        variables.add(name);
                        return v -> v.get(name);
                    }
                    throw new NotAnExpression();
            }
        }

        /** A LaTeX argument: {...} or a single character (\frac12). */
        private Node argument() {
            skipSpace();
            if (eat('{')) {
                Node inner = expression();
                expect('}');
                return inner;
            }
            if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                double digit = s.charAt(pos++) - '0';
                return v -> digit;
            }
            return primary();
        }

        /** sin x, \ln x, \cos (2\pi x): the argument is a parenthesis or the next factor. */
        private Node function(DoubleUnaryOperator f) {
            Node argument = power();
            return v -> f.applyAsDouble(argument.at(v));
        }

        /** Plain function names (sqrt(3), sin x) or one variable per letter (AB is A times B). */
        private Node letters() {
            for (Map.Entry<String, DoubleUnaryOperator> f : FUNCTIONS.entrySet()) {
                String name = f.getKey();
                if (s.startsWith(name, pos) && (pos + name.length() == s.length() || !Character.isLetter(s.charAt(pos + name.length())))) {
                    pos += name.length();
                    return function(f.getValue());
                }
            }
            if (s.startsWith("pi", pos) && (pos + 2 == s.length() || !Character.isLetter(s.charAt(pos + 2)))) {
                pos += 2;
                return v -> Math.PI;
            }
            String name = String.valueOf(s.charAt(pos++));
            if (eat('_')) { // y_1, y_{12}: one variable
                int start = pos;
                if (eat('{')) {
                    while (pos < s.length() && s.charAt(pos) != '}') {
                        pos++;
                    }
                    expect('}');
                } else if (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) {
                    pos++;
                } else {
                    throw new NotAnExpression();
                }
                name = name + "_" + s.substring(start, pos).replace("{", "").replace("}", "");
            }
            String variable = name;
            variables.add(variable);
            return v -> v.getOrDefault(variable, Double.NaN);
        }

        private Node number() {
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.' || isThousands())) {
                pos++;
            }
            String literal = s.substring(start, pos).replace(",", "");
            try {
                double value = Double.parseDouble(literal);
                return v -> value;
            } catch (NumberFormatException e) {
                throw new NotAnExpression();
            }
        }

        /** A comma between digits followed by exactly three digits, outside brackets: 3,222.80 (not the 5,3 of a pair). */
        private boolean isThousands() {
            if (brackets > 0 || s.charAt(pos) != ',' || pos == 0 || !Character.isDigit(s.charAt(pos - 1))) {
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
            if (c == '\\') {
                return !s.startsWith("\\cdot", pos) && !s.startsWith("\\times", pos) && !s.startsWith("\\div", pos);
            }
            return c == '(' || c == '{' || c == 'π' || c == '√' || c == '∞' || (c == '|' && bars == 0)
                    || Character.isLetterOrDigit(c) || c == '.';
        }

        private boolean eat(char c) {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private boolean eatCommand(String name) {
            skipSpace();
            String command = "\\" + name;
            int end = pos + command.length();
            if (!s.startsWith(command, pos) || (end < s.length() && Character.isLetter(s.charAt(end)))) {
                return false;
            }
            pos = end;
            return true;
        }

        private void expect(char c) {
            if (!eat(c)) {
                throw new NotAnExpression();
            }
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }
    }

    /** Control flow only: the text is not an expression. */
    private static final class NotAnExpression extends RuntimeException {
        NotAnExpression() {
            super(null, null, false, false);
        }
    }
}
