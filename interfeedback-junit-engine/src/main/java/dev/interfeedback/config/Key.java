package dev.interfeedback.config;

import dev.interfeedback.text.DidYouMean;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One declared setting: its name (or a pattern such as {@code interfeedback.model.<alias>.url}),
 * its type, its default and its meaning. Values are parsed and checked here, so that every
 * setting's message says the same things the same way: the key, what was expected, what was found.
 *
 * @param name the key, where {@code <alias>} stands for any model alias
 * @param type what values the key takes
 * @param defaultValue the value when unset, parsed like a set one; null when the default comes
 *     from elsewhere (another key, the dataset) or there is none
 * @param documentedDefault how the reference documents the default when it is not {@code defaultValue}
 * @param meaning what the key does, as the README's configuration reference says it (Markdown)
 * @param section where it is documented and who reads it
 */
public record Key(String name, Type type, String defaultValue, String documentedDefault, String meaning,
        Section section) {

    /** Where a key is documented and who reads it. */
    public enum Section {
        /** The run: models, feedback, rounds, outputs, calls; the README's configuration reference. */
        RUN,
        /** {@code interfeedback.dataset.*}: the README's dataset table. */
        DATASET,
        /**
         * Properties of the Maven goals (documented with them). They share the prefix, reach the
         * engine as {@code -D} system properties, and are accepted there and ignored.
         */
        PLUGIN
    }

    static final String ALIAS = "<alias>";
    /** Compiled once per pattern: settings are read per sample, and each read looks its key up. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    /** What values a key takes. */
    public sealed interface Type {
        /** What a value must be, as messages say it: "a whole number between 1 and 100". */
        String expected();
    }

    public record Text() implements Type {
        public String expected() {
            return "a text";
        }
    }

    public record Flag() implements Type {
        public String expected() {
            return "true or false";
        }
    }

    /** A whole number in a range; {@code none} also, when {@code noneAllowed}. */
    public record WholeNumber(long min, long max, boolean noneAllowed) implements Type {
        public String expected() {
            String range = max == Long.MAX_VALUE ? "a whole number of at least " + min
                    : min == Long.MIN_VALUE ? "a whole number"
                    : "a whole number between " + min + " and " + max;
            return noneAllowed ? range + ", or none" : range;
        }
    }

    public record Decimal(double min, double max) implements Type {
        public String expected() {
            return max == Double.MAX_VALUE ? "a number of at least " + plain(min)
                    : "a number between " + plain(min) + " and " + plain(max);
        }
    }

    /** A share: a fraction 0..1 ({@code 0.05}) or a percentage ({@code 5%}). */
    public record Share() implements Type {
        public String expected() {
            return "a fraction between 0 and 1 (0.05) or a percentage (5%)";
        }
    }

    public record Choice(List<String> values) implements Type {
        /** "a or b", "a, b or c". */
        public String expected() {
            int last = values.size() - 1;
            return last == 0 ? values.get(0) : String.join(", ", values.subList(0, last)) + " or " + values.get(last);
        }
    }

    public boolean isPattern() {
        return name.contains(ALIAS);
    }

    /** The key of this pattern for one alias: {@code interfeedback.model.gpt.url}. */
    public String forAlias(String alias) {
        return name.replace(ALIAS, alias);
    }

    /** Whether {@code key} is this key, or an instance of this pattern. */
    boolean matches(String key) {
        return isPattern() ? pattern().matcher(key).matches() : name.equals(key);
    }

    /** The alias in an instance of this pattern. */
    Optional<String> alias(String key) {
        Matcher m = pattern().matcher(key);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private Pattern pattern() {
        return PATTERNS.computeIfAbsent(name, Key::compile);
    }

    private static Pattern compile(String name) {
        int at = name.indexOf(ALIAS);
        return Pattern.compile(Pattern.quote(name.substring(0, at)) + "(.+)"
                + Pattern.quote(name.substring(at + ALIAS.length())));
    }

    /**
     * Parses a whole number of this key's range.
     *
     * @param key the key as set (an alias in place of {@code <alias>}), for the message
     * @return the number, or empty for {@code none} where that is allowed
     */
    Optional<Long> wholeNumber(String key, String value) {
        WholeNumber whole = (WholeNumber) type;
        if (whole.noneAllowed() && value.equalsIgnoreCase("none")) return Optional.empty();
        try {
            long n = Long.parseLong(value);
            if (n >= whole.min() && n <= whole.max()) return Optional.of(n);
        } catch (NumberFormatException e) {
            // out of the long range too: reported below with the range
        }
        throw wrong(key, value);
    }

    double decimal(String key, String value) {
        Decimal decimal = (Decimal) type;
        try {
            double n = Double.parseDouble(value);
            if (n >= decimal.min() && n <= decimal.max()) return n;
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw wrong(key, value);
    }

    double share(String key, String value) {
        try {
            boolean percent = value.endsWith("%");
            double n = Double.parseDouble(percent ? value.substring(0, value.length() - 1).strip() : value);
            if (percent) n /= 100;
            if (n >= 0 && n <= 1) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw wrong(key, value);
    }

    boolean flag(String key, String value) {
        if (value.equalsIgnoreCase("true")) return true;
        if (value.equalsIgnoreCase("false")) return false;
        throw wrong(key, value);
    }

    String choice(String key, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (((Choice) type).values().contains(lower)) return lower;
        throw wrong(key, value);
    }

    /** Parses a value by this key's type, for its error alone. */
    void check(String key, String value) {
        if (type instanceof Flag) flag(key, value);
        else if (type instanceof Choice) choice(key, value);
        else if (type instanceof WholeNumber) wholeNumber(key, value);
        else if (type instanceof Decimal) decimal(key, value);
        else if (type instanceof Share) share(key, value);
    }

    ConfigurationException wrong(String key, String value) {
        String hint = type instanceof Choice choice
                ? DidYouMean.closest(value.toLowerCase(Locale.ROOT), choice.values()).map(v -> " (did you mean " + v + "?)").orElse("")
                : "";
        return new ConfigurationException(key + ": expected " + type.expected() + ", found \"" + value + "\"" + hint);
    }

    private static String plain(double n) {
        return n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n);
    }
}
