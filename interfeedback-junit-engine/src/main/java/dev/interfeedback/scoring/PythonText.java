package dev.interfeedback.scoring;

/**
 * The few Python {@code str} behaviours the official MMMU-Pro parser depends on. They differ from
 * Java's in ways that change results: {@code str.strip(c)} removes runs of one character from both
 * ends, and {@code str.split()} splits on Unicode whitespace, which includes the no-break space that
 * {@link Character#isWhitespace} leaves out.
 */
final class PythonText {

    private PythonText() {}

    /** Python's {@code s.strip(c)} for a single character. */
    static String strip(String s, char c) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == c) {
            start++;
        }
        while (end > start && s.charAt(end - 1) == c) {
            end--;
        }
        return s.substring(start, end);
    }

    /** The length of Python's {@code s.split()}: the number of whitespace-separated tokens. */
    static int tokenCount(String s) {
        int count = 0;
        boolean inToken = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = isSpace(s.charAt(i));
            if (!space && !inToken) {
                count++;
            }
            inToken = !space;
        }
        return count;
    }

    /** Python's {@code str.isspace()} for one character. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
