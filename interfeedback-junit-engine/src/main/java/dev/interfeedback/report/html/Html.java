package dev.interfeedback.report.html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Text made inert for HTML: every character that could start markup or end an attribute is escaped. */
final class Html {

    private Html() {}

    /** For element content and for attribute values in double or single quotes. */
    static String text(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The fragment that opens a sample's transcript, escaped for an href attribute. */
    static String sampleLink(String benchmark, String sampleId) {
        return text("#sample/" + component(benchmark) + "/" + component(sampleId));
    }

    /** As JavaScript's encodeURIComponent, so the page's script can decode it. */
    static String component(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A fraction as a percentage with one decimal; a dash for an undefined rate. */
    static String percent(Double fraction) {
        return fraction == null ? "–" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** An interval as the console summary prints it: [78.2, 99.2]. */
    static String interval(Double low, Double high) {
        if (low == null || high == null) return "";
        return String.format(Locale.ROOT, "[%.1f, %.1f]", low * 100, high * 100);
    }
}
