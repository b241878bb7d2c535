package dev.interfeedback.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a free-form answer, the model's or the ground truth's, as mathematics
 * ({@link FreeFormAnswer}): LaTeX dressing, hedges and units go; an equation keeps both sides; a
 * name in front of {@code =} ("Volume", "y", "f(x)") is told apart from the value it names.
 * Stateless and thread-safe.
 */
final class FreeFormReader {

    private static final List<String> UNWRAPPED = List.of("boxed", "text", "textbf", "textit", "textrm", "mathrm",
            "mathbf", "mathit", "operatorname", "mbox", "bm", "mathsf");
    private static final Pattern DROPPED = Pattern.compile(
            "\\\\[\\[\\]()]|\\$|\\\\left(?![a-z])|\\\\right(?![a-z])|\\\\displaystyle|\\\\q?quad|\\\\[,;:! ]|~|\\*\\*");
    private static final Pattern DEGREE = Pattern.compile(
            "\\^\\s*\\{\\s*\\\\circ\\s*}|\\^\\s*\\\\circ|\\\\circ|\\\\degree|[º˚掳]|(?<=\\d)\\s*degrees?\\b");
    /** A compass bearing's "T" (true north) after the degree mark: 230° T is the number 230. */
    private static final Pattern BEARING_TRUE = Pattern.compile("°\\s*T\\b");
    /** MathVerse publishes one \frac without its command: "{8}{5} \pi". */
    private static final Pattern FRAC_WITHOUT_COMMAND = Pattern.compile("(?<![A-Za-z}])\\{(\\d+)}\\s*\\{(\\d+)}");
    private static final Pattern HEDGE = Pattern.compile(
            "^(?:approximately|approx\\.?|about|around|roughly|exactly|nearly|=|≈)\\s*", Pattern.CASE_INSENSITIVE);
    private static final String UNIT_WORDS = "°|%|degrees?|deg|radians?|rad|units?|sq\\.?|square|cubic"
            + "|cm|mm|km|m|in|inch(?:es)?|ft|feet|foot|yards?|yd|miles?|mi"
            + "|(?:centi|milli|kilo)?(?:metres?|meters?)|litres?|liters?|ml|l|kg|g|mg|grams?|kilograms?"
            + "|seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|years?"
            + "|m/s|km/h|mph|dollars?|cents?|\\\\%";
    /** Trailing units with optional exponents (cm^{3}, mm², units^2); never part of a word (even). */
    private static final Pattern UNIT_TAIL = Pattern.compile(
            "(?:[\\s/*·]*(?<![A-Za-z\\\\])(?:" + UNIT_WORDS + ")(?![A-Za-z])(?:\\s*\\^\\s*[{(]?\\s*-?\\d\\s*[})]?|[²³])?)+\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)?(?:\\.(\\d*))?");
    /** Words, as opposed to variables written side by side (AB, xy): three letters or more. */
    private static final Pattern WORD = Pattern.compile("(?<![\\\\A-Za-z])([A-Za-z]{3,})");
    private static final Set<String> FUNCTION_NAMES = Set.of("sin", "cos", "tan", "cot", "sec", "csc", "arcsin",
            "arccos", "arctan", "exp", "log", "sqrt");
    private static final Pattern LABEL = Pattern.compile(
            "[A-Za-z][A-Za-z .]*"
                    + "|[A-Za-z](?:_\\{?\\w+}?)?\\s*\\(\\s*[A-Za-z](?:\\s*,\\s*[A-Za-z])*\\s*\\)"
                    + "|\\(\\s*[A-Za-z](?:\\s*,\\s*[A-Za-z])*\\s*\\)"
                    + "|[A-Za-z]_\\{?\\w+}?");
    private static final Pattern BEARING = Pattern.compile("[NS]\\s*\\d+(?:\\.\\d+)?\\s*°?\\s*[EW]");
    private static final Pattern LENGTH = Pattern.compile(
            "(?:centi|milli|kilo)?(?:metres?|meters?)|cm|mm|km|m|in|inch(?:es)?|ft|feet|foot|yards?|yd|miles?|mi|units?");
    private static final Pattern RATIO = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*:\\s*(\\d+(?:\\.\\d+)?)");
    private static final Set<String> FILLER = Set.of("the", "a", "an", "is", "are", "it", "its", "on", "at", "of",
            "and", "function", "interval", "intervals", "point", "answer", "in", "to");
    private static final String RELATIONS = "=<>≤≥";

    FreeFormAnswer read(String raw) {
        String answer = raw == null ? "" : raw.strip();
        // A multi-line ground truth such as "-4.9\n-4.9" (one value per blank) that repeats one
        // value is that value; different lines are read as one text.
        List<String> lines = answer.lines().map(FreeFormReader::clean).filter(l -> !l.isEmpty()).distinct().toList();
        return readClean(lines.size() == 1 ? lines.get(0) : clean(String.join(" ", answer.lines().toList())));
    }

    private FreeFormAnswer readClean(String text) {
        List<String> parts = new ArrayList<>();
        List<Character> ops = new ArrayList<>();
        splitRelations(text, parts, ops);
        if (ops.isEmpty()) {
            return new FreeFormAnswer(unitless(text), null, form(text), null, dimension(text));
        }
        if (ops.size() == 1 && ops.get(0) != '=') {
            MathForm.Relation relation = relation(parts.get(0), ops.get(0), parts.get(1));
            return relation == null ? words(text) : new FreeFormAnswer(text, null, null, relation, null);
        }
        if (ops.stream().anyMatch(op -> op != '=')) {
            return words(text);
        }
        String first = parts.get(0);
        String last = parts.get(parts.size() - 1);
        String label = null;
        String value = null;
        if (first.isBlank() || parts.size() > 2) {
            value = last; // "=\frac{7}{4}" names nothing; a chain "y = sin x = (90°, 5)" ends with its value
            label = first.isBlank() || !isLabel(first) ? null : first;
        } else if (isLabel(first)) {
            label = first;
            value = last;
        } else if (isLabel(last)) {
            label = last; // "5=s"
            value = first;
        }
        MathForm form = value == null ? null : form(value);
        MathForm.Relation relation = parts.size() == 2 && !first.isBlank() ? relation(first, '=', last) : null;
        if (form instanceof MathForm.Words || (form == null && relation == null)) {
            return words(text);
        }
        return new FreeFormAnswer(text, label == null ? null : label.strip(), form, relation,
                value == null ? null : dimension(value));
    }

    private static FreeFormAnswer words(String text) {
        return new FreeFormAnswer(text, null, new MathForm.Words(tokens(text)), null, null);
    }

    /** LaTeX dressing, hedges, degree marks and trailing periods go; relation signs get one spelling. */
    static String clean(String text) {
        String s = text.strip();
        s = FRAC_WITHOUT_COMMAND.matcher(s).replaceAll("\\\\frac{$1}{$2}");
        for (String command : UNWRAPPED) {
            s = unwrap(s, command);
        }
        s = DROPPED.matcher(s).replaceAll(" ");
        s = s.replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac")
                .replace('−', '-').replace('–', '-').replace('×', '*').replace('·', '*').replace('⋅', '*')
                .replace('÷', '/').replace("∞", "\\infty").replace("π", "\\pi").replace("√", "\\sqrt ")
                .replace("\\approx", "=").replace('≈', '=').replace("\\cup", "∪")
                .replaceAll("\\\\leq?(?![a-z])|<=|⩽", "≤").replaceAll("\\\\geq?(?![a-z])|>=|⩾", "≥")
                .replace("\\lt", "<").replace("\\gt", ">")
                .replace("\\%", "%");
        s = DEGREE.matcher(s).replaceAll("°");
        s = BEARING_TRUE.matcher(s).replaceAll("°");
        s = s.replaceAll("\\s+", " ").strip();
        s = HEDGE.matcher(s).replaceFirst("");
        while (s.endsWith(".") || s.endsWith(",") || s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        Matcher ratio = RATIO.matcher(s);
        if (ratio.matches()) {
            s = ratio.group(1) + "/" + ratio.group(2);
        }
        return s;
    }

    /** Units at the end go ("904.78 cm^3", "15.5 Litres"), unless nothing would be left. */
    private static String unitless(String side) {
        String s = side.strip();
        String without = UNIT_TAIL.matcher(s).replaceFirst("").strip();
        while (without.endsWith(".")) {
            without = without.substring(0, without.length() - 1).strip(); // "216.\\mathrm{cm}^2"
        }
        return without.isEmpty() ? s : without;
    }

    /**
     * What a value's unit measures, so that 270° and 270 cm³ differ: {@code angle}, {@code length^n}
     * (any length unit, "units" included, to the power written), or the unit itself (kg, %, km/h);
     * null without a unit.
     */
    static String dimension(String side) {
        Matcher unit = UNIT_TAIL.matcher(side.strip());
        if (!unit.find() || unit.start() == 0) {
            return null;
        }
        String u = unit.group().toLowerCase(Locale.ROOT).replaceAll("[\\s{}()\\\\]", "");
        if (u.contains("°") || u.startsWith("deg")) {
            return "angle";
        }
        int power = u.contains("²") || u.contains("^2") || u.startsWith("square") || u.startsWith("sq") ? 2
                : u.contains("³") || u.contains("^3") || u.startsWith("cubic") ? 3 : 1;
        String base = u.replaceAll("\\^-?\\d|[²³]|^square|^sq\\.?|^cubic", "");
        return LENGTH.matcher(base).matches() ? "length^" + power : base;
    }

    private static MathForm form(String side) {
        String s = unitless(side);
        if (BEARING.matcher(s).matches()) {
            return new MathForm.Words(tokens(s)); // N 34° W: letters, not a product N·34·W
        }
        MathForm brackets = brackets(s);
        if (brackets != null) {
            return brackets;
        }
        MathForm.Scalar scalar = scalar(s);
        return scalar != null ? scalar : new MathForm.Words(tokens(s));
    }

    private static MathForm.Relation relation(String left, char op, String right) {
        MathForm.Scalar l = scalar(unitless(left));
        MathForm.Scalar r = scalar(unitless(right));
        if (l == null || r == null) {
            return null;
        }
        return switch (op) {
            case '>' -> new MathForm.Relation(r, '<', l);
            case '≥' -> new MathForm.Relation(r, '≤', l);
            default -> new MathForm.Relation(l, op, r);
        };
    }

    static MathForm.Scalar scalar(String text) {
        String s = text.strip();
        if (s.isEmpty() || hasWords(s)) {
            return null;
        }
        return MathExpression.parse(s).map(e -> new MathForm.Scalar(e, decimals(s))).orElse(null);
    }

    private static int decimals(String s) {
        Matcher plain = PLAIN_DECIMAL.matcher(s.replace(" ", ""));
        if (!plain.matches() || s.isBlank()) {
            return -1;
        }
        return plain.group(1) == null ? 0 : plain.group(1).length();
    }

    private static boolean hasWords(String s) {
        Matcher word = WORD.matcher(s);
        while (word.find()) {
            if (!FUNCTION_NAMES.contains(word.group(1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLabel(String side) {
        return LABEL.matcher(side.strip()).matches();
    }

    /** Coordinates and intervals: bracketed groups of comma-separated items, joined by ∪. */
    static MathForm.Brackets brackets(String s) {
        List<MathForm.Group> groups = new ArrayList<>();
        int pos = 0;
        while (true) {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
            if (pos == s.length()) {
                break;
            }
            if (!groups.isEmpty()) {
                if (s.charAt(pos) != '∪' && s.charAt(pos) != 'U') {
                    return null;
                }
                pos++;
                while (pos < s.length() && s.charAt(pos) == ' ') {
                    pos++;
                }
            }
            if (pos == s.length() || (s.charAt(pos) != '(' && s.charAt(pos) != '[')) {
                return null;
            }
            char open = s.charAt(pos);
            List<MathForm.Scalar> items = new ArrayList<>();
            int depth = 0;
            int start = pos + 1;
            int i = start;
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                if (depth == 0 && (c == ')' || c == ']' || c == ',')) {
                    MathForm.Scalar item = scalar(s.substring(start, i));
                    if (item == null) {
                        return null;
                    }
                    items.add(item);
                    start = i + 1;
                    if (c != ',') {
                        break;
                    }
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                }
            }
            if (i >= s.length()) {
                return null;
            }
            groups.add(new MathForm.Group(open, List.copyOf(items), s.charAt(i)));
            pos = i + 1;
        }
        if (groups.isEmpty() || (groups.size() == 1 && groups.get(0).items().size() < 2)) {
            return null;
        }
        return new MathForm.Brackets(List.copyOf(groups));
    }

    /** Words (lower case, filler left out), signs, and the mathematics between them as forms. */
    static List<Object> tokens(String s) {
        List<Object> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') {
                int end = bracketChainEnd(s, i);
                MathForm form = end < 0 ? null : brackets(s.substring(i, end));
                if (form == null && end > 0) {
                    form = scalar(s.substring(i, end));
                }
                if (form != null) {
                    tokens.add(form);
                    i = end;
                    continue;
                }
                tokens.add(String.valueOf(c));
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int end = i;
                while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '.')) {
                    end++;
                }
                String number = s.substring(i, end);
                if (number.endsWith(".")) {
                    number = number.substring(0, number.length() - 1);
                }
                MathForm.Scalar scalar = scalar(number);
                tokens.add(scalar == null ? number : scalar);
                i += Math.max(1, number.length());
            } else if (Character.isLetter(c) || c == '\\') {
                int end = i + 1;
                while (end < s.length() && Character.isLetter(s.charAt(end))) {
                    end++;
                }
                String word = s.substring(c == '\\' ? i + 1 : i, end).toLowerCase(Locale.ROOT);
                if (!FILLER.contains(word) && !word.isEmpty()) {
                    tokens.add(word.equals("infty") ? "∞" : word);
                }
                i = end;
            } else {
                if ("=<>≤≥+-*/|^∪".indexOf(c) >= 0) {
                    tokens.add(String.valueOf(c));
                }
                i++;
            }
        }
        return List.copyOf(tokens);
    }

    /** The end of a chain of bracketed groups joined by ∪ that starts at {@code start}, or -1. */
    private static int bracketChainEnd(String s, int start) {
        int i = start;
        int end = -1;
        while (i < s.length() && (s.charAt(i) == '(' || s.charAt(i) == '[')) {
            int depth = 0;
            int j = i;
            for (; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']' || c == '}') && --depth == 0) {
                    break;
                }
            }
            if (j >= s.length()) {
                return end;
            }
            end = j + 1;
            int k = end;
            while (k < s.length() && s.charAt(k) == ' ') {
                k++;
            }
            if (k < s.length() && (s.charAt(k) == '∪' || s.charAt(k) == 'U')) {
                k++;
                while (k < s.length() && s.charAt(k) == ' ') {
                    k++;
                }
                i = k;
            } else {
                break;
            }
        }
        return end;
    }

    /** Splits at relation signs outside brackets. */
    private static void splitRelations(String s, List<String> parts, List<Character> ops) {
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && RELATIONS.indexOf(c) >= 0) {
                parts.add(s.substring(start, i).strip());
                ops.add(c);
                start = i + 1;
            }
        }
        parts.add(s.substring(start).strip());
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
}
