package dev.interfeedback.dataset.mmmupro;

import dev.interfeedback.dataset.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Python list of string literals the way {@code ast.literal_eval} does, since MMMU-Pro
 * publishes its {@code options} and {@code img_type} columns as {@code str(list)} and the official
 * code reads them back with {@code literal_eval}. Options hold commas, both kinds of quotes,
 * backslashes and non-ASCII text, so a split on commas or a regular expression gets them wrong.
 *
 * <p>Covered: {@code [...]} and {@code (...)}, trailing commas, single and double quotes, the
 * {@code u}/{@code r} prefixes, adjacent literals joined into one ({@code 'a' 'b'} is {@code 'ab'}),
 * and every escape of a Python 3 {@code str}: {@code \n \t \r \a \b \f \v \\ \' \"}, octal,
 * {@code \xhh}, {@code \\uhhhh}, {@code \Uhhhhhhhh}, {@code \N{NAME}} and line continuation;
 * unknown escapes stay as written, as in Python. Anything else (numbers, byte strings, triple
 * quotes, and nested lists except through {@link #parseOptions}) is rejected with the offset
 * where it was found.
 */
public final class PythonLiteral {

    private final String text;
    /** Whether a nested list is one item, its Python {@code str}, as the official evaluator reads it. */
    private final boolean nestedAsText;
    private boolean nested;
    private int pos;

    private PythonLiteral(String text, boolean nestedAsText) {
        this.text = text;
        this.nestedAsText = nestedAsText;
    }

    /**
     * What the official MMMU-Pro evaluator reads from an options string.
     *
     * @param items the option texts
     * @param nested whether a nested list was read as one option: {@code [['A', 'B', 'Not enough
     *     information']]}, published so, is one option whose text is the inner list's Python
     *     {@code str}, as {@code ast.literal_eval} and the official prompt make it
     */
    public record Options(List<String> items, boolean nested) {}

    /** Parses {@code text} as a list (or tuple) of strings. */
    public static List<String> parseStringList(String text) throws InvalidValueException {
        return parse(text, false).items();
    }

    /** Parses {@code text} as the official evaluator reads an options string: nested lists are allowed. */
    public static Options parseOptions(String text) throws InvalidValueException {
        return parse(text, true);
    }

    private static Options parse(String text, boolean nestedAsText) throws InvalidValueException {
        if (text == null) {
            throw new InvalidValueException("expected a Python list of strings, found nothing");
        }
        PythonLiteral parser = new PythonLiteral(text, nestedAsText);
        List<String> items = parser.list();
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("the end of the list");
        }
        return new Options(items, parser.nested);
    }

    private List<String> list() throws InvalidValueException {
        skipSpace();
        char open = next("'[' or '('");
        char close;
        if (open == '[') {
            close = ']';
        } else if (open == '(') {
            close = ')';
        } else {
            pos--;
            throw error("'[' or '('");
        }
        List<String> items = new ArrayList<>();
        skipSpace();
        if (peek() == close) {
            pos++;
            return items;
        }
        while (true) {
            skipSpace();
            if (nestedAsText && (peek() == '[' || peek() == '(')) {
                nested = true;
                boolean list = peek() == '[';
                List<String> inner = list();
                items.add(pythonStr(inner, list));
            } else {
                items.add(concatenatedStrings());
            }
            skipSpace();
            char c = next("',' or '" + close + "'");
            if (c == close) {
                return items;
            }
            if (c != ',') {
                pos--;
                throw error("',' or '" + close + "'");
            }
            skipSpace();
            if (peek() == close) {
                pos++;
                return items;
            }
        }
    }

    /** Python's {@code str} of a list or tuple of strings: {@code ['A', 'B']}. */
    private static String pythonStr(List<String> items, boolean list) {
        StringBuilder out = new StringBuilder(list ? "[" : "(");
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(pythonRepr(items.get(i)));
        }
        return out.append(!list && items.size() == 1 ? ",)" : list ? "]" : ")").toString();
    }

    /** Python's {@code repr} of a str: single quotes unless the text holds one and no double quote. */
    private static String pythonRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\');
                    }
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append(quote).toString();
    }

    /** Python joins adjacent literals at parse time: {@code 'a' "b"} is one string. */
    private String concatenatedStrings() throws InvalidValueException {
        StringBuilder out = new StringBuilder(string());
        while (true) {
            skipSpace();
            if (pos < text.length() && startsString()) {
                out.append(string());
            } else {
                return out.toString();
            }
        }
    }

    private boolean startsString() {
        int p = pos;
        while (p < text.length() && p - pos < 2 && "uUrR".indexOf(text.charAt(p)) >= 0) {
            p++;
        }
        return p < text.length() && (text.charAt(p) == '\'' || text.charAt(p) == '"');
    }

    private String string() throws InvalidValueException {
        boolean raw = false;
        int prefixStart = pos;
        while (pos < text.length() && "uUrRbB".indexOf(text.charAt(pos)) >= 0) {
            char p = Character.toLowerCase(text.charAt(pos));
            if (p == 'b') {
                throw error("a str literal (byte strings are not text)");
            }
            raw |= p == 'r';
            pos++;
        }
        if (pos - prefixStart > 1) {
            pos = prefixStart;
            throw error("a string literal");
        }
        char quote = next("a quoted string");
        if (quote != '\'' && quote != '"') {
            pos--;
            throw error("a quoted string");
        }
        if (text.startsWith(String.valueOf(quote).repeat(2), pos)) {
            pos--;
            throw error("a single- or double-quoted string (triple quotes are not supported)");
        }
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next("the closing " + quote);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\n') {
                pos--;
                throw error("the closing " + quote + " before the end of the line");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next("an escape after '\\'");
            if (raw) {
                // In a raw string the backslash stays; it only keeps the next quote from closing.
                out.append('\\').append(e);
                continue;
            }
            escape(e, out);
        }
    }

    private void escape(char e, StringBuilder out) throws InvalidValueException {
        switch (e) {
            case '\n' -> { } // line continuation
            case '\\', '\'', '"' -> out.append(e);
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000B');
            case 'x' -> out.appendCodePoint(hex(2));
            case 'u' -> out.appendCodePoint(hex(4));
            case 'U' -> {
                int codePoint = hex(8);
                if (!Character.isValidCodePoint(codePoint)) {
                    pos -= 8;
                    throw error("a Unicode code point of at most 10FFFF");
                }
                out.appendCodePoint(codePoint);
            }
            case 'N' -> out.appendCodePoint(named());
            default -> {
                if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int i = 0; i < 2 && pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '7'; i++) {
                        value = value * 8 + (text.charAt(pos++) - '0');
                    }
                    out.append((char) value);
                } else {
                    out.append('\\').append(e); // Python keeps unknown escapes as written
                }
            }
        }
    }

    private int hex(int digits) throws InvalidValueException {
        if (pos + digits > text.length()) {
            throw error(digits + " hex digits");
        }
        String s = text.substring(pos, pos + digits);
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                throw error(digits + " hex digits");
            }
        }
        pos += digits;
        return Integer.parseInt(s, 16);
    }

    private int named() throws InvalidValueException {
        if (peek() != '{') {
            throw error("'{' after \\N");
        }
        int close = text.indexOf('}', pos);
        if (close < 0) {
            throw error("'}' closing \\N{...}");
        }
        String name = text.substring(pos + 1, close);
        try {
            int codePoint = Character.codePointOf(name.toUpperCase(Locale.ROOT));
            pos = close + 1;
            return codePoint;
        } catch (IllegalArgumentException e) {
            throw error("a Unicode character name, not \"" + name + "\"");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() throws InvalidValueException {
        if (pos >= text.length()) {
            throw error("more text");
        }
        return text.charAt(pos);
    }

    private char next(String expected) throws InvalidValueException {
        if (pos >= text.length()) {
            throw error(expected);
        }
        return text.charAt(pos++);
    }

    private InvalidValueException error(String expected) {
        String found = pos >= text.length() ? "the end of the text" : "\"" + excerpt() + "\"";
        return new InvalidValueException("not a Python list of strings: expected " + expected
                + " at offset " + pos + ", found " + found);
    }

    private String excerpt() {
        String rest = text.substring(pos);
        return rest.length() > 20 ? rest.substring(0, 20) + "..." : rest;
    }
}
