package dev.interfeedback.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two runs side by side (a candidate and the accepted release, or two receivers on one dataset):
 * their figures per benchmark, and sample by sample, the samples whose verdict changed first.
 */
final class Comparison {

    /** The most changed samples listed in the static page; the sample list shows them all. */
    private static final int LISTED = 500;

    private final SavedRun run;
    private final SavedRun other;
    /** The other run's status of each sample, by benchmark + "\n" + sample id. */
    final Map<String, String> otherStatus = new HashMap<>();
    /** This run's status of each sample, in the order of its episodes. */
    private final Map<String, String> status = new LinkedHashMap<>();

    private Comparison(SavedRun run, SavedRun other) {
        this.run = run;
        this.other = other;
    }

    static Comparison of(SavedRun run, SavedRun other) throws IOException {
        Comparison comparison = new Comparison(run, other);
        other.episodes(e -> comparison.otherStatus.put(key(e), e.path("status").asText()));
        run.episodes(e -> comparison.status.put(key(e), e.path("status").asText()));
        return comparison;
    }

    private static String key(JsonNode episode) {
        return episode.get("benchmark").asText() + "\n" + episode.get("sampleId").asText();
    }

    /** The other run's results.json. */
    JsonNode otherResults() {
        return other.results;
    }

    static boolean passed(String status) {
        return "CORRECT_AT_ROUND_0".equals(status) || "CORRECTED".equals(status);
    }

    void render(StringBuilder html) {
        html.append("<section id=\"comparison\"><h2>Comparison</h2><p>This run (<code>").append(Html.text(run.runId()))
                .append("</code>) beside <code>").append(Html.text(other.runId())).append("</code> from <code>")
                .append(Html.text(other.dir.toString())).append("</code>.</p>");
        html.append("<table class=\"comparison\"><thead><tr><th>benchmark</th><th>receiver</th><th>accuracy</th>")
                .append("<th>correction rate</th><th>error rate</th><th>receiver (other)</th><th>accuracy (other)</th>")
                .append("<th>correction rate (other)</th><th>error rate (other)</th></tr></thead><tbody>");
        Map<String, JsonNode> others = new LinkedHashMap<>();
        for (JsonNode b : other.results.path("benchmarks")) others.put(b.path("id").asText(), b);
        for (JsonNode b : run.results.path("benchmarks")) {
            JsonNode o = others.remove(b.path("id").asText());
            html.append("<tr><th scope=\"row\">").append(Html.text(b.path("id").asText())).append("</th>");
            figures(html, b);
            figures(html, o);
            html.append("</tr>");
        }
        for (Map.Entry<String, JsonNode> only : others.entrySet()) {
            html.append("<tr><th scope=\"row\">").append(Html.text(only.getKey())).append("</th>");
            figures(html, null);
            figures(html, only.getValue());
            html.append("</tr>");
        }
        html.append("</tbody></table>");

        List<String[]> changed = new ArrayList<>();
        int paired = 0;
        for (Map.Entry<String, String> sample : status.entrySet()) {
            String theirs = otherStatus.get(sample.getKey());
            if (theirs == null) continue;
            paired++;
            if (passed(theirs) != passed(sample.getValue())) {
                String[] key = sample.getKey().split("\n", 2);
                changed.add(new String[] {key[0], key[1], theirs, sample.getValue()});
            }
        }
        html.append("<p id=\"changed-count\">").append(changed.size()).append(" of ").append(paired)
                .append(" samples in both runs changed verdict (passed in one, not in the other).</p>");
        if (!changed.isEmpty()) {
            html.append("<table class=\"changed\"><thead><tr><th>benchmark</th><th>sample</th><th>other run</th><th>this run</th></tr></thead><tbody>");
            for (String[] c : changed.subList(0, Math.min(LISTED, changed.size()))) {
                html.append("<tr class=\"").append(passed(c[3]) ? "pass" : "fail").append("\"><td>").append(Html.text(c[0]))
                        .append("</td><td><a href=\"").append(Html.sampleLink(c[0], c[1])).append("\">").append(Html.text(c[1]))
                        .append("</a></td><td>").append(Html.text(c[2])).append("</td><td>").append(Html.text(c[3])).append("</td></tr>");
            }
            html.append("</tbody></table>");
            if (changed.size() > LISTED) {
                html.append("<p class=\"note\">The first ").append(LISTED).append(" are listed; the sample list below shows them all.</p>");
            }
        }
        html.append("</section>\n");
    }

    private static void figures(StringBuilder html, JsonNode b) {
        if (b == null) {
            html.append("<td colspan=\"4\">not in this run</td>");
            return;
        }
        html.append("<td>").append(Html.text(b.path("receiver").path("alias").asText())).append("</td>");
        for (String field : List.of("accuracy", "correctionRate", "errorRate")) {
            JsonNode rate = b.path(field);
            html.append("<td>").append(Html.percent(Page.fraction(rate.path("value")))).append(' ')
                    .append(Html.interval(Page.fraction(rate.path("low")), Page.fraction(rate.path("high")))).append("</td>");
        }
    }
}
