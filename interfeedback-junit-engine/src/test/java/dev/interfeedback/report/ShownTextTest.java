package dev.interfeedback.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ShownTextTest {

    @Test
    void terminalEscapesNulAndALoneCarriageReturnAreShownEscaped() {
        String answer = "\u001b[2J\u001b[1;1HBUILD SUCCESS\rAnswer: A\u0000";

        assertThat(ShownText.lines(answer)).isEqualTo("\\u001b[2J\\u001b[1;1HBUILD SUCCESS\\rAnswer: A\\u0000");
        assertThat(ShownText.line(answer, 100)).isEqualTo("\\u001b[2J\\u001b[1;1HBUILD SUCCESS\\rAnswer: A\\u0000");
    }

    @Test
    void linesKeepTheirBreaksAndTabsWhileSeparatorsAndC1ControlsAreEscaped() {
        assertThat(ShownText.lines("a\r\nb\n\tc\u2028d\u2029e\u0085f\u009bg\u202eh"))
                .isEqualTo("a\nb\n\tc\\u2028d\\u2029e\\u0085f\\u009bg\\u202eh");
    }

    @Test
    void anUnpairedSurrogateIsEscapedAndAPairIsKept() {
        assertThat(ShownText.lines("\uD800abc \uD835\uDC00 \uDC00")).isEqualTo("\\ud800abc \uD835\uDC00 \\udc00");
    }

    @Test
    void aLineJoinsTheLinesAndEndsWithAnEllipsisWhenCut() {
        assertThat(ShownText.line("  first\n\n second\r\nthird\t ", 100)).isEqualTo("first second third");
        assertThat(ShownText.line("abcdefghij", 5)).isEqualTo("abcd…");
        assertThat(ShownText.line("abcde", 5)).isEqualTo("abcde");
        // a character beyond the BMP is not cut in half
        assertThat(ShownText.line("abc\uD835\uDC00xyz", 5)).isEqualTo("abc\uD835\uDC00…");
        assertThat(ShownText.line(" \n ", 5)).isEmpty();
        assertThat(ShownText.line("ab\u0000cdef", 4)).isEqualTo("ab\\u0000…");
        assertThat(ShownText.line(" no \n limit ", Integer.MAX_VALUE)).isEqualTo("no limit");
    }

    @Test
    void aLineIsTheTextWithItsBlanksCollapsedAndTrimmedThenCutWhateverTheMixOfBreaksSurrogatesAndControls() {
        char[] alphabet = {'a', 'b', ' ', ' ', '\t', '\n', '\r', '\u0000', '\u2028', '\uD835', '\uDC00', '\u00e9'};
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) text.append(alphabet[random.nextInt(alphabet.length)]);
            int max = 1 + random.nextInt(12);

            assertThat(ShownText.line(text.toString(), max)).as("%s, %d", ShownText.lines(text.toString()).replace("\n", "\\n").replace("\t", "\\t"), max).isEqualTo(byDefinition(text.toString(), max));
        }
    }

    /** The definition the line is checked against: collapse, trim one space at either end, cut by code points, escape. */
    private static String byDefinition(String text, int max) {
        String line = text.replaceAll("(?:\r\n|[ \t\n])+", " ").replaceAll("^ | \\z", ""); // \z: $ is also before a last \r
        if (line.codePointCount(0, line.length()) <= max) return ShownText.lines(line);
        return ShownText.lines(line.substring(0, line.offsetByCodePoints(0, max - 1))) + "…";
    }
}
