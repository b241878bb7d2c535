package dev.interfeedback.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gate, from the verdict {@code interfeedback:check} saved ({@code check.json}): each limit
 * with its measured value, violations first, then the comparison with the baseline, whose newly
 * failing and newly passing samples link to their transcripts.
 */
final class GateSection {

    private GateSection() {}

    static void render(StringBuilder html, JsonNode check) {
        html.append("<section id=\"gate\"><h2>Gate</h2>");
        if (check == null) {
            html.append("<p class=\"note\">interfeedback:check has not run on this run (it saves its verdict to check.json).</p></section>\n");
            return;
        }
        boolean passed = check.path("passed").asBoolean(false);
        html.append("<p class=\"verdict ").append(passed ? "pass" : "fail").append("\" id=\"gate-verdict\">")
                .append(passed ? "The check passed" : "The check failed")
                .append(check.path("haltOnFailure").asBoolean(true) || passed ? "" : " (haltOnFailure=false: the build went on)")
                .append("</p>");
        List<JsonNode> limits = new ArrayList<>();
        check.path("limits").forEach(limits::add);
        // Violations first: they are what a reader of a failed build came for.
        limits.sort((a, b) -> Boolean.compare(!violated(a), !violated(b)));
        if (!limits.isEmpty()) {
            html.append("<table class=\"limits\"><thead><tr><th>status</th><th>element</th><th>counter</th><th>limit</th>")
                    .append("<th>measured</th></tr></thead><tbody>");
            for (JsonNode limit : limits) {
                html.append("<tr class=\"").append(violated(limit) ? "fail" : "pass").append("\"><td>")
                        .append(Html.text(limit.path("status").asText()))
                        .append("</td><td>").append(Html.text(limit.path("element").asText() + " " + limit.path("subject").asText()))
                        .append("</td><td>").append(Html.text(limit.path("label").asText(limit.path("counter").asText())))
                        .append("</td><td>").append(Html.text(limit.path("bound").asText() + " " + limit.path("limit").asText()))
                        .append("</td><td>").append(Html.text(limit.path("measuredText").asText())).append("</td></tr>");
            }
            html.append("</tbody></table>");
        } else {
            html.append("<p class=\"note\">No rules are configured.</p>");
        }
        for (JsonNode warning : check.path("warnings")) {
            html.append("<p class=\"warning\">").append(Html.text(warning.asText())).append("</p>");
        }
        baseline(html, check.path("baseline"));
        html.append("</section>\n");
    }

    private static boolean violated(JsonNode limit) {
        return "violated".equals(limit.path("status").asText());
    }

    private static void baseline(StringBuilder html, JsonNode baseline) {
        if (baseline.isMissingNode() || baseline.isNull()) {
            html.append("<p class=\"note\">No baseline is configured.</p>");
            return;
        }
        html.append("<h3>Against the baseline <code>").append(Html.text(baseline.path("file").asText())).append("</code></h3>");
        if (baseline.path("updated").asBoolean(false)) {
            html.append("<p class=\"note\">This run wrote the baseline (interfeedback.baseline.update=true): nothing was compared.</p>");
            return;
        }
        for (JsonNode gone : baseline.path("notRun")) {
            html.append("<p class=\"fail\">Benchmark ").append(Html.text(gone.asText())).append(" is in the baseline but did not run.</p>");
        }
        for (JsonNode b : baseline.path("benchmarks")) {
            String id = b.path("benchmark").asText();
            int paired = b.path("paired").asInt();
            boolean regression = b.path("regression").asBoolean();
            html.append("<div class=\"baseline ").append(regression ? "fail" : "pass").append("\" data-benchmark=\"").append(Html.text(id))
                    .append("\"><p><strong>").append(Html.text(id)).append("</strong>: ")
                    .append(regression ? "regression" : "no regression").append("; pass rate ")
                    .append(rate(b.path("passedBefore").asInt(), paired)).append(" → ").append(rate(b.path("passedNow").asInt(), paired))
                    .append(" over ").append(paired).append(" paired samples, McNemar p = ")
                    .append(Html.text(String.format(Locale.ROOT, "%.3g", b.path("p").asDouble()))).append("</p>");
            samples(html, "newly failing", "newly-failing", id, b.path("newlyFailing"));
            samples(html, "newly passing", "newly-passing", id, b.path("newlyPassing"));
            html.append("</div>");
        }
    }

    private static void samples(StringBuilder html, String label, String cssClass, String benchmark, JsonNode ids) {
        html.append("<p class=\"").append(cssClass).append("\">").append(label).append(" (").append(ids.size()).append(")");
        if (ids.size() > 0) html.append(": ");
        int shown = 0;
        for (JsonNode id : ids) {
            if (shown++ > 0) html.append(", ");
            html.append("<a href=\"").append(Html.sampleLink(benchmark, id.asText())).append("\">").append(Html.text(id.asText())).append("</a>");
        }
        html.append("</p>");
    }

    private static String rate(int passed, int paired) {
        return paired == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * passed / paired);
    }
}
