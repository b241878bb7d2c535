package dev.interfeedback.feedback;

import dev.interfeedback.dataset.Sample;
import java.util.ArrayList;
import java.util.List;
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
    // harness. Bounded, since option texts differ by sample.
    private static final int MAX_CACHED = 4096;
    private static final java.util.concurrent.ConcurrentMap<String, Pattern> COMPILED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether the text reveals the sample's answer. */
    public boolean leaks(String feedback, Sample sample) {
        return patterns(sample).stream().anyMatch(p -> p.matcher(feedback).find());
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
        List<Pattern> patterns = new ArrayList<>();
        String answer = sample.answer().strip();
        if (sample.isMultipleChoice()) {
            String letter = Pattern.quote(answer.toUpperCase(java.util.Locale.ROOT));
            patterns.add(compile("\\(" + letter + "\\)", 0));
            // "answer is B", "option B", "choice: (B)", "is B." – the letter named as an option.
            patterns.add(compile("\\b(?i:answer|option|choice|correct|is|be|pick|choose|select)\\s*(?::|=|is)?\\s*\\(?"
                    + letter + "\\)?(?![\\p{L}\\p{N}])", 0));
            int index = answer.toUpperCase(java.util.Locale.ROOT).charAt(0) - 'A';
            if (answer.length() == 1 && index >= 0 && index < sample.options().size()) {
                String option = sample.options().get(index).strip();
                if (option.length() >= 2) patterns.add(word(option));
            }
        } else {
            Matcher numbers = NUMBER.matcher(answer);
            boolean any = false;
            while (numbers.find()) {
                any = true;
                patterns.add(compile("(?<![\\d.])" + Pattern.quote(numbers.group()) + "(?!\\.?\\d)", 0));
            }
            if (!any && answer.length() >= 2) patterns.add(word(answer));
        }
        return patterns;
    }

    private static Pattern word(String text) {
        return compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(text) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static Pattern compile(String regex, int flags) {
        String key = flags + ":" + regex;
        Pattern pattern = COMPILED.get(key);
        if (pattern == null) {
            if (COMPILED.size() >= MAX_CACHED) COMPILED.clear();
            pattern = Pattern.compile(regex, flags);
            COMPILED.putIfAbsent(key, pattern);
        }
        return pattern;
    }
}
