package dev.interfeedback.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a Python list of string literals, as MMMU-Pro publishes its {@code options} column
 * ({@code "['a', \"it's\", 'x, y']"}). A tokenizer rather than a split on commas, because options
 * contain commas and both kinds of quotes.
 */
final class PythonListLiteral {

    private final String text;
    private int pos;

    private PythonListLiteral(String text) {
        this.text = text;
    }

    static List<String> parse(String text) {
        return new PythonListLiteral(text).list();
    }

    private List<String> list() {
        List<String> items = new ArrayList<>();
        skipSpace();
        expect('[');
        skipSpace();
        if (peek() == ']') {
            pos++;
            return end(items);
        }
        while (true) {
            skipSpace();
            items.add(string());
            skipSpace();
            char c = next();
            if (c == ']') {
                return end(items);
            }
            if (c != ',') {
                throw error("',' or ']'");
            }
            skipSpace();
            if (peek() == ']') { // trailing comma
                pos++;
                return end(items);
            }
        }
    }

    private List<String> end(List<String> items) {
        skipSpace();
        if (pos != text.length()) {
            throw error("end of text");
        }
        return items;
    }

    private String string() {
        char quote = next();
        if (quote != '\'' && quote != '"') {
            throw error("a quote");
        }
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == quote) {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '\\', '\'', '"' -> out.append(e);
                case '\n' -> { } // line continuation
                case 'x' -> out.append((char) Integer.parseInt(take(2), 16));
                case 'u' -> out.append((char) Integer.parseInt(take(4), 16));
                case 'U' -> out.appendCodePoint(Integer.parseInt(take(8), 16));
                default -> out.append('\\').append(e); // Python keeps unknown escapes as written
            }
        }
    }

    private String take(int n) {
        if (pos + n > text.length()) {
            throw error(n + " hex digits");
        }
        String s = text.substring(pos, pos + n);
        pos += n;
        return s;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("more text");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("'" + c + "'");
        }
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException(
                "Python list literal: expected " + expected + " at offset " + pos + " in: " + text);
    }
}
