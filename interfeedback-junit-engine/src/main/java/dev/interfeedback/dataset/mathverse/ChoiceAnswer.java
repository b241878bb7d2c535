package dev.interfeedback.dataset.mathverse;

import dev.interfeedback.dataset.InvalidValueException;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ground truth of a MathVerse multiple-choice record as option letters. The published
 * answers are mostly a bare letter, but not always: {@code (C)}, {@code C.}, {@code C: 50°}, the
 * option's text instead of its letter, and two letters for questions with two right options
 * ({@code C\nD}, {@code A and C}). Two letters become {@code "C, D"}, which the scorer reads as
 * "both, and nothing else", as the official judge does.
 */
final class ChoiceAnswer {

    private static final Pattern LETTER = Pattern.compile("^\\(?([A-Za-z])\\)?[.:]?$");
    private static final Pattern LETTER_AND_TEXT = Pattern.compile("^\\(?([A-Z])\\)?\\s*[:.)]\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern SEVERAL = Pattern.compile("^\\(?[A-Z]\\)?(?:(?:\\s*[,;/&\\n]\\s*|\\s+and\\s+|\\s+)\\(?[A-Z]\\)?)+$");
    private static final Pattern ONE_OF_SEVERAL = Pattern.compile("[A-Z]");

    private ChoiceAnswer() {}

    /**
     * @param raw the published answer
     * @param options the option texts, when known, else empty
     * @param optionCount how many options there are (letters A.. that are valid)
     */
    static String canonical(String raw, List<String> options, int optionCount) throws InvalidValueException {
        String answer = raw.strip();
        Matcher letter = LETTER.matcher(answer);
        if (letter.matches()) {
            return checked(letter.group(1).toUpperCase(Locale.ROOT), optionCount, raw);
        }
        for (int i = 0; i < options.size(); i++) {
            if (sameText(options.get(i), answer)) {
                return String.valueOf((char) ('A' + i));
            }
        }
        Matcher withText = LETTER_AND_TEXT.matcher(answer);
        if (withText.matches() && (options.isEmpty() || optionIndex(withText.group(1)) < options.size()
                && sameText(options.get(optionIndex(withText.group(1))), withText.group(2)))) {
            return checked(withText.group(1), optionCount, raw);
        }
        if (SEVERAL.matcher(answer).matches()) {
            TreeSet<String> letters = new TreeSet<>();
            Matcher each = ONE_OF_SEVERAL.matcher(answer.replaceAll("\\band\\b", " "));
            while (each.find()) {
                letters.add(checked(each.group(), optionCount, raw));
            }
            return String.join(", ", letters);
        }
        throw new InvalidValueException("expected an option letter A-" + (char) ('A' + optionCount - 1)
                + " (or an option's text) for a multi-choice question, found \"" + raw + "\"");
    }

    private static int optionIndex(String letter) {
        return letter.charAt(0) - 'A';
    }

    private static boolean sameText(String option, String answer) {
        return squash(option).equals(squash(answer));
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT); // "100 °" is "100°"
    }

    private static String checked(String letter, int optionCount, String raw) throws InvalidValueException {
        if (optionIndex(letter) >= optionCount) {
            throw new InvalidValueException("answer \"" + raw + "\" names option " + letter + ", but the question has "
                    + optionCount + " options (A-" + (char) ('A' + optionCount - 1) + ")");
        }
        return letter;
    }
}
