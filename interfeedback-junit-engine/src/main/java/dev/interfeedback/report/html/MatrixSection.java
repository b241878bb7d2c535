package dev.interfeedback.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmarks that are cells of a matrix, in the layout of the paper's Tables 1 and 2: one row
 * per receiver; a column group per provider, and in it per feedback kind the cell's accuracy,
 * #Neg, #Test and correction rate with their Wilson intervals. Each cell links to its benchmark's
 * section, shows the gate's verdict on it when the check ran, and in a comparison the change from
 * the other run's same cell.
 */
final class MatrixSection {

    private static final String[] COLUMNS = {"accuracy", "#Neg", "#Test", "correction rate"};

    private final StringBuilder html;
    private final Map<String, String> anchors;
    private final JsonNode check;
    private final Map<String, JsonNode> others;

    private MatrixSection(StringBuilder html, Map<String, String> anchors, JsonNode check, Map<String, JsonNode> others) {
        this.html = html;
        this.anchors = anchors;
        this.check = check;
        this.others = others;
    }

    /** Whether a run has matrix cells, and so this section. */
    static boolean present(JsonNode results) {
        for (JsonNode b : results.path("benchmarks")) if (b.hasNonNull("matrix")) return true;
        return false;
    }

    /**
     * @param anchors the fragment of each benchmark's section, by benchmark id
     * @param check the gate's verdict, or null when the check did not run
     * @param other the run compared with, or null
     */
    static void render(StringBuilder html, JsonNode results, Map<String, String> anchors, JsonNode check, JsonNode other) {
        Map<String, List<JsonNode>> matrices = new LinkedHashMap<>();
        for (JsonNode b : results.path("benchmarks")) {
            if (b.hasNonNull("matrix") && b.path("cell").asText().split(",", -1).length == 3) {
                matrices.computeIfAbsent(b.path("matrix").asText(), m -> new ArrayList<>()).add(b);
            }
        }
        Map<String, JsonNode> others = new LinkedHashMap<>();
        if (other != null) for (JsonNode b : other.path("benchmarks")) others.put(b.path("id").asText(), b);
        MatrixSection section = new MatrixSection(html, anchors, check, other == null ? null : others);
        html.append("<section id=\"matrix\"><h2>Matrix</h2><p class=\"note\">A row per receiver; per provider and feedback")
                .append(" kind, round-0 accuracy, #Neg (wrong at round 0), #Test (wrong at round 0, right for the provider)")
                .append(" and the correction rate, with Wilson 95% intervals, as the paper's Tables 1 and 2. A figure links")
                .append(" to its cell's section.");
        if (other != null) html.append(" Δ is the change from the same cell of the other run, in percentage points.");
        html.append("</p>");
        matrices.forEach(section::matrix);
        html.append("</section>\n");
    }

    private void matrix(String matrix, List<JsonNode> cells) {
        Set<String> receivers = new LinkedHashSet<>(), providers = new LinkedHashSet<>(), feedbacks = new LinkedHashSet<>();
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode b : cells) {
            String[] key = b.path("cell").asText().split(",", -1);
            receivers.add(key[0]);
            providers.add(key[1]);
            feedbacks.add(key[2]);
            byKey.put(b.path("cell").asText(), b);
        }
        html.append("<div class=\"matrix-scroll\"><table class=\"matrix\" data-matrix=\"").append(Html.text(matrix)).append("\">")
                .append("<caption>").append(Html.text(matrix)).append("</caption><thead><tr><th rowspan=\"3\" scope=\"col\">receiver</th>");
        for (String provider : providers) {
            html.append("<th colspan=\"").append(COLUMNS.length * feedbacks.size()).append("\" scope=\"colgroup\" class=\"group\">")
                    .append(Html.text(provider)).append("</th>");
        }
        html.append("</tr><tr>");
        for (String provider : providers) {
            for (String feedback : feedbacks) {
                html.append("<th colspan=\"").append(COLUMNS.length).append("\" scope=\"colgroup\" class=\"group\">")
                        .append(Html.text(feedback)).append("</th>");
            }
        }
        html.append("</tr><tr>");
        for (int i = 0; i < providers.size() * feedbacks.size(); i++) {
            for (int c = 0; c < COLUMNS.length; c++) {
                html.append("<th scope=\"col\"").append(c == 0 ? " class=\"group\"" : "").append(">").append(COLUMNS[c]).append("</th>");
            }
        }
        html.append("</tr></thead><tbody>");
        for (String receiver : receivers) {
            html.append("<tr><th scope=\"row\">").append(Html.text(receiver)).append("</th>");
            for (String provider : providers) {
                for (String feedback : feedbacks) {
                    JsonNode b = byKey.get(receiver + "," + provider + "," + feedback);
                    if (b == null) html.append("<td colspan=\"").append(COLUMNS.length).append("\" class=\"group missing\">not run</td>");
                    else cell(b);
                }
            }
            html.append("</tr>");
        }
        html.append("</tbody></table></div>");
    }

    private void cell(JsonNode b) {
        String id = b.path("id").asText();
        String href = "#" + anchors.get(id);
        JsonNode counts = b.path("counts");
        JsonNode other = others == null ? null : others.get(id);
        rate(id, "accuracy", b.path("accuracy"), href, other == null ? null : other.path("accuracy"), "group", null);
        count(id, "wrongAtRound0", counts.path("wrongAtRound0"), href);
        count(id, "testSet", counts.path("testSet"), href);
        rate(id, "correctionRate", b.path("correctionRate"), href, other == null ? null : other.path("correctionRate"), null,
                gate(id));
    }

    private void rate(String id, String field, JsonNode rate, String href, JsonNode other, String cssClass, String gate) {
        Double value = Page.fraction(rate.path("value"));
        html.append("<td class=\"figure").append(cssClass == null ? "" : " " + cssClass).append("\" data-cell=\"")
                .append(Html.text(id)).append("\" data-field=\"").append(field).append("\"")
                .append(value == null ? "" : " data-value=\"" + value + "\"").append(">")
                .append("<a href=\"").append(Html.text(href)).append("\">").append(Html.percent(value)).append("</a>")
                .append("<span class=\"ci\">").append(Html.interval(Page.fraction(rate.path("low")), Page.fraction(rate.path("high"))))
                .append("</span>");
        if (other != null) {
            Double before = Page.fraction(other.path("value"));
            html.append("<span class=\"delta\" data-delta=\"").append(field).append("\">").append(delta(value, before)).append("</span>");
        }
        if (gate != null) html.append(gate);
        html.append("</td>");
    }

    private void count(String id, String field, JsonNode value, String href) {
        html.append("<td class=\"count\" data-cell=\"").append(Html.text(id)).append("\" data-field=\"").append(field)
                .append("\"><a href=\"").append(Html.text(href)).append("\">").append(value.asLong()).append("</a></td>");
    }

    private static String delta(Double now, Double before) {
        if (now == null || before == null) return "Δ –";
        double points = (now - before) * 100;
        return String.format(Locale.ROOT, "Δ %+.1f", points);
    }

    /**
     * The gate's verdict on one cell: its limits (on the cell and on its categories) and its
     * comparison with the baseline; null when the check did not run or nothing applied to the cell.
     */
    private String gate(String id) {
        if (check == null) return null;
        List<String> violated = new ArrayList<>();
        int checked = 0;
        for (JsonNode limit : check.path("limits")) {
            String subject = limit.path("subject").asText();
            boolean mine = "benchmark".equals(limit.path("element").asText()) ? subject.equals(id) : subject.startsWith(id + "/");
            if (!mine) continue;
            checked++;
            if ("violated".equals(limit.path("status").asText())) {
                violated.add(limit.path("message").asText(limit.path("label").asText() + " " + limit.path("bound").asText()
                        + " " + limit.path("limit").asText()));
            }
        }
        for (JsonNode b : check.path("baseline").path("benchmarks")) {
            if (!b.path("benchmark").asText().equals(id)) continue;
            checked++;
            if (b.path("regression").asBoolean()) violated.add("a regression against the baseline");
        }
        if (checked == 0) return null;
        boolean failed = !violated.isEmpty();
        return "<span class=\"gate " + (failed ? "fail" : "pass") + "\" data-gate=\"" + (failed ? "fail" : "pass") + "\""
                + (failed ? " title=\"" + Html.text(String.join("; ", violated)) + "\"" : "") + ">"
                + (failed ? "gate: failed" : "gate: passed") + "</span>";
    }
}
