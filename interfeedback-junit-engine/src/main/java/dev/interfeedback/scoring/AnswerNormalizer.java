package dev.interfeedback.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces a free-form answer, the model's or the ground truth's, to a {@link NormalizedAnswer}:
 * LaTeX dressing, a leading "name =", units and degree marks go, so that {@code Volume $=904.78
 * \mathrm{~cm}^{3}$} and {@code 904.78 cm³} meet as the number 904.78. Stateless and thread-safe.
 */
public final class AnswerNormalizer {

    private static final List<String> UNWRAPPED = List.of(
            "boxed", "text", "textbf", "textit", "textrm", "mathrm", "mathbf", "mathit", "operatorname", "mbox");
    private static final Pattern DEGREE = Pattern.compile("\\^\\s*\\{?\\s*\\\\circ\\s*}?|\\\\circ|\\\\degree|º");
    /** A compass bearing's "T" (true north) after the degree mark: 230° T is the number 230. */
    private static final Pattern BEARING_TRUE = Pattern.compile("°\\s*T\\b");
    private static final String UNIT_WORDS = "°|%|degrees?|deg|radians?|rad|units?|sq\\.?|square|cubic"
            + "|cm|mm|km|m|in|inch(?:es)?|ft|feet|foot|yards?|yd|miles?|mi"
            + "|litres?|liters?|ml|l|kg|g|mg|seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h"
            + "|m/s|km/h|mph|dollars?|cents?";
    /** Trailing units with optional exponents (cm^{3}, mm², units^2); never part of a word (even). */
    private static final Pattern UNIT_TAIL = Pattern.compile(
            "(?:[\\s/*·]*(?<![A-Za-z\\\\])(?:" + UNIT_WORDS + ")(?![A-Za-z])(?:\\s*\\^\\s*\\{?\\s*-?\\d\\s*}?|[²³])?)+\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)?(?:\\.(\\d*))?");
    private static final Pattern SPACING = Pattern.compile("\\\\[,;:! ]|\\\\left|\\\\right|\\\\displaystyle|[$~*]");
    private static final Pattern BRACED_SINGLE = Pattern.compile("([\\^_])\\{(\\w)}");

    public NormalizedAnswer normalize(String raw) {
        String answer = raw == null ? "" : raw.strip();
        // A multi-line ground truth such as "-4.9\n-4.9" (one value per blank) that repeats one
        // value is that value; different lines are compared as a whole.
        List<String> lines = answer.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() > 1) {
            List<NormalizedAnswer> each = lines.stream().map(this::normalizeLine).distinct().toList();
            if (each.size() == 1) {
                return each.get(0);
            }
            answer = String.join(" ", lines);
        }
        return normalizeLine(answer);
    }

    private NormalizedAnswer normalizeLine(String line) {
        String core = clean(line);
        OptionalDouble value = NumberExpression.evaluate(core);
        Matcher plain = PLAIN_DECIMAL.matcher(core.replace(" ", ""));
        if (value.isPresent() && plain.matches()) {
            String digits = core.replace(" ", "").replace(",", "");
            String canonical = new BigDecimal(digits.endsWith(".") ? digits + "0" : digits)
                    .stripTrailingZeros().toPlainString();
            int decimals = plain.group(1) == null ? 0 : plain.group(1).length();
            return new NormalizedAnswer("0".equals(canonical) || "-0".equals(canonical) ? "0" : canonical,
                    value, decimals);
        }
        return new NormalizedAnswer(textForm(core), value, -1);
    }

    /** LaTeX dressing, the part before the last "=", units and trailing periods go. */
    static String clean(String text) {
        String s = text;
        for (String command : UNWRAPPED) {
            s = unwrap(s, command);
        }
        s = SPACING.matcher(s).replaceAll(" ");
        s = s.replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac")
                .replace('−', '-').replace("∞", "\\infty").replace("π", "\\pi")
                .replace("≈", "=").replace("\\approx", "=");
        s = DEGREE.matcher(s).replaceAll("°");
        s = BEARING_TRUE.matcher(s).replaceAll("°");
        int equals = s.lastIndexOf('=');
        if (equals >= 0 && !s.substring(equals + 1).isBlank()) {
            s = s.substring(equals + 1); // "D = 13.37", "Volume = 904.78 cm^3": the value is on the right
        }
        s = stripTrailingPeriods(s);
        String withoutUnits = UNIT_TAIL.matcher(s).replaceFirst("");
        if (!withoutUnits.isBlank()) {
            s = stripTrailingPeriods(withoutUnits);
        }
        return s.strip();
    }

    private static String stripTrailingPeriods(String s) {
        String t = s.strip();
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    /** Replaces {@code \command{content}} (spaces allowed before the brace) by its content. */
    static String unwrap(String s, String command) {
        Pattern opening = Pattern.compile("\\\\" + command + "(?![A-Za-z])\\s*\\{");
        StringBuilder out = new StringBuilder();
        int from = 0;
        Matcher m = opening.matcher(s);
        while (m.find(from)) {
            int close = matchingBrace(s, m.end() - 1);
            if (close < 0) {
                break;
            }
            out.append(s, from, m.start()).append(' ').append(s, m.end(), close).append(' ');
            from = close + 1;
        }
        return out.append(s.substring(from)).toString();
    }

    static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Case, spaces and brace-only LaTeX differences do not count: x^{3} is x^3. */
    private static String textForm(String core) {
        String s = core.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        return BRACED_SINGLE.matcher(s).replaceAll("$1$2");
    }
}
