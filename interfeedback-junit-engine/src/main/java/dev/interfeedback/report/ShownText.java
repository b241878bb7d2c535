package dev.interfeedback.report;

/**
 * Model output and dataset text as a person is shown it: in a terminal, an IDE's test tree, a
 * transcript. Such text is data, so whatever would act instead of being read is written as a Java
 * escape: control characters (a terminal escape could clear the screen or forge a
 * {@code BUILD SUCCESS} line, a lone CR overwrite the line, NUL cut it), line and paragraph
 * separators and U+0085 (which split lines in some tools), bidi overrides (which reorder what is
 * read), and unpaired surrogates (which no encoder can write). JSON files use JSON's escaping.
 */
public final class ShownText {

    private static final String ELLIPSIS = "…";

    private ShownText() {}

    /** Text that keeps its line breaks ({@code \r\n} becomes {@code \n}) and tabs; the rest as above. */
    public static String lines(String text) {
        return escape(text.replace("\r\n", "\n"));
    }

    /**
     * One line: line breaks and runs of spaces and tabs become one space, none at either end, the
     * rest is escaped, and a text longer than {@code max} characters (an escaped one counting as
     * one) is cut, ending with an ellipsis. Reads no further than the cut, so a long answer costs
     * no more than a short one.
     */
    public static String line(String text, int max) {
        StringBuilder line = new StringBuilder(Math.min(text.length(), max) + 1);
        int points = 0;
        boolean blank = false;
        for (int i = 0; i < text.length() && points <= max; ) {
            char c = text.charAt(i);
            int breakLength = c == ' ' || c == '\t' || c == '\n' ? 1
                    : c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 0;
            if (breakLength > 0) {
                blank = true;
                i += breakLength;
                continue;
            }
            if (blank && !line.isEmpty()) {
                line.append(' ');
                points++;
            }
            blank = false;
            int point = text.codePointAt(i);
            line.appendCodePoint(point);
            points++;
            i += Character.charCount(point);
        }
        // cut before escaping, so that no escape is cut in half
        if (points <= max) return escape(line.toString());
        return escape(line.substring(0, line.offsetByCodePoints(0, max - 1))) + ELLIPSIS;
    }

    private static String escape(String text) {
        StringBuilder shown = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escaped(text, i, c);
            if (escaped == null) {
                if (shown != null) shown.append(c);
                continue;
            }
            if (shown == null) shown = new StringBuilder(text.length() + 16).append(text, 0, i);
            shown.append(escaped);
        }
        return shown == null ? text : shown.toString();
    }

    /** The escape of the char at {@code i}, or null when it is shown as it is. */
    private static String escaped(String text, int i, char c) {
        if (c == '\n' || c == '\t') return null; // a line has none left
        if (c == '\r') return "\\r";
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? null : unicode(c);
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1)) ? null : unicode(c);
        }
        return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029' || isBidiControl(c)
                ? unicode(c)
                : null;
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String unicode(char c) {
        return String.format("\\u%04x", (int) c);
    }
}
