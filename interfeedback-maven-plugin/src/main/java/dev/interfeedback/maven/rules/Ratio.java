package dev.interfeedback.maven.rules;

/** Parses a limit written as a fraction ({@code 0.45}) or a percentage ({@code 45%}). */
public final class Ratio {

    private Ratio() {}

    public static double parse(String text, String where) {
        String value = text.trim();
        boolean percent = value.endsWith("%");
        if (percent) value = value.substring(0, value.length() - 1).trim();
        double ratio;
        try {
            ratio = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": expected a ratio such as 0.45 or 45%, found \"" + text + "\"");
        }
        if (percent) ratio /= 100;
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException(where + ": expected a ratio between 0 and 1 (0% and 100%), found \""
                    + text + "\"");
        }
        return ratio;
    }
}
