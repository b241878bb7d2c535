package dev.interfeedback.feedback;

import dev.interfeedback.dataset.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects feedback that gives the answer away: the answer letter where it names an option, the
 * right option's text, or the ground-truth value. It errs on the side of flagging, since a leak
 * turns a correction into copying while a false alarm only costs one more provider call.
 */
public final class LeakGuard {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final String REDACTED = "[redacted]";
    // Every feedback text of every sample is checked, and compiling the same few patterns each
    // time cost a rerun answered from the response cache about 8% of its wall time in the
    // harness. Kept by what they are built from (the answer, and the right option's text);
    // bounded, since option texts differ by sample.
    private static final int MAX_CACHED = 4096;
    private static final ConcurrentMap<String, List<Pattern>> PATTERNS = new ConcurrentHashMap<>();

    /** Whether the text reveals the sample's answer. */
    public boolean leaks(String feedback, Sample sample) {
        for (Pattern pattern : patterns(sample)) {
            if (pattern.matcher(feedback).find()) return true;
        }
        return false;
    }

    /** The text with every revealing part replaced by {@code [redacted]}. */
    public String redact(String feedback, Sample sample) {
        String text = feedback;
        for (Pattern pattern : patterns(sample)) {
            text = pattern.matcher(text).replaceAll(Matcher.quoteReplacement(REDACTED));
        }
        return text;
    }

    private static List<Pattern> patterns(Sample sample) {
        String answer = sample.answer().strip();
        String option = rightOption(sample, answer);
        String key = (sample.isMultipleChoice() ? "choice\u0000" : "value\u0000") + answer + "\u0000" + option;
        List<Pattern> patterns = PATTERNS.get(key);
        if (patterns == null) {
            patterns = sample.isMultipleChoice() ? choicePatterns(answer, option) : valuePatterns(answer);
            if (PATTERNS.size() >= MAX_CACHED) PATTERNS.clear();
            PATTERNS.putIfAbsent(key, patterns);
        }
        return patterns;
    }

    /** The text of the option the answer letter names, or "" when there is none worth guarding. */
    private static String rightOption(Sample sample, String answer) {
        if (!sample.isMultipleChoice() || answer.length() != 1) return "";
        int index = Character.toUpperCase(answer.charAt(0)) - 'A';
        if (index < 0 || index >= sample.options().size()) return "";
        String option = sample.options().get(index).strip();
        return option.length() >= 2 ? option : "";
    }

    private static List<Pattern> choicePatterns(String answer, String option) {
        List<Pattern> patterns = new ArrayList<>();
        String letter = Pattern.quote(answer.toUpperCase(java.util.Locale.ROOT));
        patterns.add(Pattern.compile("\\(" + letter + "\\)"));
        // "answer is B", "option B", "choice: (B)", "is B." – the letter named as an option.
        patterns.add(Pattern.compile("\\b(?i:answer|option|choice|correct|is|be|pick|choose|select)\\s*(?::|=|is)?\\s*\\(?"
                + letter + "\\)?(?![\\p{L}\\p{N}])"));
        if (!option.isEmpty()) patterns.add(word(option));
        return List.copyOf(patterns);
    }

    private static List<Pattern> valuePatterns(String answer) {
        List<Pattern> patterns = new ArrayList<>();
        Matcher numbers = NUMBER.matcher(answer);
        while (numbers.find()) {
            patterns.add(Pattern.compile("(?<![\\d.])" + Pattern.quote(numbers.group()) + "(?!\\.?\\d)"));
        }
        if (patterns.isEmpty() && answer.length() >= 2) patterns.add(word(answer));
        return List.copyOf(patterns);
    }

    private static Pattern word(String text) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(text) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
