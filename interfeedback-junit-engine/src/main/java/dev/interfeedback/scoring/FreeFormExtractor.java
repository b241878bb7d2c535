package dev.interfeedback.scoring;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the final answer in a free-form response (MathVerse style), as raw text for
 * {@link AnswerNormalizer}. In order: the first line after the last "Answer:" (any case), the
 * last {@code \boxed{...}}, the last number or {@code \frac} in the response, and for a response
 * without numbers its last line (a bare "even"). Stateless and thread-safe.
 */
public final class FreeFormExtractor {

    private static final String ANSWER_MARK = "answer:";
    private static final Pattern BOXED = Pattern.compile("\\\\boxed\\s*\\{");
    private static final Pattern NUMBER = Pattern.compile(
            "\\\\d?frac\\s*\\{[^{}]*}\\s*\\{[^{}]*}"
                    + "|-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s*\\\\pi|\\s*π)?"
                    + "|-?\\.\\d+");

    public Optional<String> extract(String response) {
        if (response == null || response.isBlank()) {
            return Optional.empty();
        }
        int mark = response.toLowerCase(Locale.ROOT).lastIndexOf(ANSWER_MARK);
        if (mark >= 0) {
            Optional<String> line = response.substring(mark + ANSWER_MARK.length()).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .findFirst();
            if (line.isPresent()) {
                return line;
            }
        }
        Optional<String> boxed = lastBoxed(response);
        if (boxed.isPresent()) {
            return boxed;
        }
        Matcher number = NUMBER.matcher(response);
        String last = null;
        while (number.find()) {
            last = number.group();
        }
        if (last != null) {
            return Optional.of(last);
        }
        return response.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b);
    }

    private static Optional<String> lastBoxed(String response) {
        Matcher m = BOXED.matcher(response);
        int contentStart = -1;
        while (m.find()) {
            contentStart = m.end();
        }
        if (contentStart < 0) {
            return Optional.empty();
        }
        int close = AnswerNormalizer.matchingBrace(response, contentStart - 1);
        return close < 0 ? Optional.empty() : Optional.of(response.substring(contentStart, close).strip());
    }
}
