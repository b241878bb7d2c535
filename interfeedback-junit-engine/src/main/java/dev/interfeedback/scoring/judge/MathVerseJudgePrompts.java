package dev.interfeedback.scoring.judge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The two prompts of MathVerse's official scoring ({@code evaluation/prompts.py} of
 * ZrrSkywalker/MathVerse), as the Python code hands them to the judge model after evaluating its
 * escapes, stripping and formatting: in resource files, so the text is byte for byte the
 * publisher's and no Java escaping can alter it.
 */
final class MathVerseJudgePrompts {

    private static final String EXTRACT = resource("mathverse-extract.txt");
    private static final String SCORE = resource("mathverse-score.txt");

    private MathVerseJudgePrompts() {}

    /** Step 1, {@code create_test_prompt} of {@code extract_answer_s1.py}. */
    static String extract(String response) {
        return EXTRACT + "\n\nModel response: '" + response + "'\nExtracted Answer: ";
    }

    /** Step 2, {@code create_test_prompt} of {@code score_answer_s2.py}: one pass, so a value holding "{gt}" stays as it is. */
    static String score(String question, String answer, String extraction) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (true) {
            int open = SCORE.indexOf('{', from);
            if (open < 0) {
                return out.append(SCORE, from, SCORE.length()).toString();
            }
            out.append(SCORE, from, open);
            String value = null;
            int end = open;
            for (String[] slot : new String[][] {{"{question}", question}, {"{gt}", answer}, {"{extraction}", extraction}}) {
                if (SCORE.startsWith(slot[0], open)) {
                    value = slot[1];
                    end = open + slot[0].length();
                }
            }
            if (value == null) {
                out.append('{');
                from = open + 1;
            } else {
                out.append(value);
                from = end;
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = MathVerseJudgePrompts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + MathVerseJudgePrompts.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
