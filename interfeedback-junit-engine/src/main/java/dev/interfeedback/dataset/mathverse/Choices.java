package dev.interfeedback.dataset.mathverse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a MathVerse question into its stem and its options. MathVerse writes the options into
 * the question text after {@code Choices:} (or {@code Choice:}), one per line, as {@code A:65°}, {@code A.15°} or
 * {@code (A) 15°}; the scorer needs them apart to read option texts in responses.
 *
 * @param stem the question without its choices block
 * @param options the option texts in letter order, empty when the question lists none (Vision
 *     Only questions carry them in the image); an option published empty (mathverse-622's B and
 *     E) stays, blank, so that the letters after it keep their place
 */
record Choices(String stem, List<String> options) {

    /** "Choices:", and the singular "Choice:" a few records use (mathverse-339, 340, 429, 430). */
    private static final Pattern HEADER = Pattern.compile("(?i)choices?\\s*:");
    private static final Pattern OPTION = Pattern.compile("^\\s*\\(?([A-Z])\\)?\\s*[:.)]\\s*(.*)$");

    static Choices parse(String question) {
        Matcher header = HEADER.matcher(question);
        int start = -1;
        int end = -1;
        while (header.find()) {
            start = header.start();
            end = header.end();
        }
        if (start < 0) {
            return new Choices(question.strip(), List.of());
        }
        List<String> options = new ArrayList<>();
        for (String line : question.substring(end).split("\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            Matcher option = OPTION.matcher(line);
            if (option.matches() && option.group(1).charAt(0) == 'A' + options.size()) {
                options.add(option.group(2).strip());
            } else if (!options.isEmpty()) {
                int last = options.size() - 1;
                options.set(last, options.get(last) + "\n" + line.strip()); // an option that spans lines
            } else {
                return new Choices(question.strip(), List.of());
            }
        }
        return new Choices(question.substring(0, start).strip(), List.copyOf(options));
    }
}
