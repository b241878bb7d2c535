package dev.interfeedback.report.html;

import java.util.List;
import java.util.Locale;

/** Inline SVG figures: they need no script and no fetch, and scale with the page. */
final class Charts {

    private Charts() {}

    /**
     * A rate as a dot on its Wilson interval, on a 0..100% axis.
     *
     * @param value null for an undefined rate, drawn as an empty axis
     */
    static String interval(String label, Double value, Double low, Double high) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"interval\" viewBox=\"0 0 204 18\" width=\"204\" height=\"18\" role=\"img\" aria-label=\"")
                .append(Html.text(label)).append("\">");
        svg.append("<line class=\"axis\" x1=\"2\" y1=\"9\" x2=\"202\" y2=\"9\"/>");
        for (int tick = 0; tick <= 4; tick++) {
            double x = 2 + tick * 50;
            svg.append(String.format(Locale.ROOT, "<line class=\"tick\" x1=\"%.1f\" y1=\"5\" x2=\"%.1f\" y2=\"13\"/>", x, x));
        }
        if (value != null && low != null && high != null) {
            svg.append(String.format(Locale.ROOT, "<line class=\"ci\" x1=\"%.1f\" y1=\"9\" x2=\"%.1f\" y2=\"9\"/>", x(low), x(high)));
            svg.append(String.format(Locale.ROOT, "<line class=\"ci-end\" x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"14\"/>", x(low), x(low)));
            svg.append(String.format(Locale.ROOT, "<line class=\"ci-end\" x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"14\"/>", x(high), x(high)));
            svg.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"9\" r=\"4\"/>", x(value)));
        }
        return svg.append("</svg>").toString();
    }

    private static double x(double fraction) {
        return 2 + 200 * Math.max(0, Math.min(1, fraction));
    }

    /**
     * The paper's Figure 4 for one benchmark: the share right at round 0, then the share of the
     * test set first corrected at each round, as bars; and the cumulative correction rate as a line.
     *
     * @param bars round 0's share, then each round's rate (nulls for undefined rates)
     */
    static String rounds(String label, List<Double> bars) {
        int width = 60 + 70 * bars.size(), height = 200, top = 20, bottom = 170;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"rounds\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.text(label)).append("\">");
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = bottom - (bottom - top) * pct / 100.0;
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"40\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>", y, width - 10, y));
            svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"34\" y=\"%.1f\" text-anchor=\"end\">%d%%</text>", y + 4, pct));
        }
        StringBuilder curve = new StringBuilder();
        double cumulative = 0;
        for (int i = 0; i < bars.size(); i++) {
            Double value = bars.get(i);
            double x = 50 + 70 * i, v = value == null ? 0 : value;
            double h = (bottom - top) * Math.max(0, Math.min(1, v));
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar%s\" x=\"%.1f\" y=\"%.1f\" width=\"50\" height=\"%.1f\"><title>%s</title></rect>",
                    i == 0 ? " round0" : "", x, bottom - h, h, Html.text((i == 0 ? "right at round 0: " : "first corrected at round " + i + ": ")
                            + Html.percent(value))));
            svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                    x + 25, bottom - h - 4, Html.text(Html.percent(value))));
            svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    x + 25, bottom + 16, i == 0 ? "round 0" : "round " + i));
            if (i > 0) {
                cumulative += v;
                double y = bottom - (bottom - top) * Math.min(1, cumulative);
                curve.append(curve.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x + 25, y));
                svg.append(String.format(Locale.ROOT, "<circle class=\"cumulative\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>cumulative correction rate by round %d: %s</title></circle>",
                        x + 25, y, i, Html.text(Html.percent(cumulative))));
            }
        }
        if (curve.length() > 0) svg.append("<polyline class=\"cumulative\" points=\"").append(curve).append("\"/>");
        return svg.append("</svg>").toString();
    }
}
