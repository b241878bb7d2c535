package dev.interfeedback.scoring;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the set of option letters a response settles on, for questions with more than one right
 * option (MathVerse has a few: ground truth {@code "C, D"}). The answer is what follows the last
 * "Answer:" or, without one, the last non-blank line; the letters in it, standing alone or in
 * parentheses, are the choice. Stateless and thread-safe.
 */
final class SeveralLetters {

    private static final Pattern LETTER = Pattern.compile("(?<![A-Za-z])\\(?([A-Z])\\)?(?![A-Za-z])");

    private static final Pattern SENTENCE_END = Pattern.compile("\\.(?:\\s+(?=[A-Z][a-z])|\\s*$)");

    private SeveralLetters() {}

    /** The letters of {@code answer} ("C, D"), as a sorted set. */
    static TreeSet<String> of(String answer) {
        TreeSet<String> letters = new TreeSet<>();
        for (String part : answer.split(",")) {
            if (!part.isBlank()) {
                letters.add(part.strip().toUpperCase(Locale.ROOT));
            }
        }
        return letters;
    }

    static Optional<TreeSet<String>> extract(String response, List<String> letters) {
        if (response == null || response.isBlank()) {
            return Optional.empty();
        }
        int mark = response.toLowerCase(Locale.ROOT).lastIndexOf("answer:");
        String tail = mark >= 0
                ? response.substring(mark + "answer:".length()).lines().filter(l -> !l.isBlank()).findFirst().orElse("")
                : response.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
        // The answer ends with its sentence: "Answer: (C) and (D). In Figure A ..." names C and D only.
        Matcher end = SENTENCE_END.matcher(tail);
        if (end.find()) {
            tail = tail.substring(0, end.start());
        }
        TreeSet<String> found = new TreeSet<>();
        Matcher m = LETTER.matcher(tail);
        while (m.find()) {
            if (letters.contains(m.group(1))) {
                found.add(m.group(1));
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }
}
