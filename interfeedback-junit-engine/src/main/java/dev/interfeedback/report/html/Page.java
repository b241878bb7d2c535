package dev.interfeedback.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page itself: everything a reader needs without script (the figures, the per-round picture,
 * the categories, the gate, the comparison) is static HTML written here; the sample list and the
 * transcripts are filled in by {@code report.js} from the data files.
 */
final class Page {

    /** No source but the report's own files; no inline script or style, no request anywhere else. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; base-uri 'none'; form-action 'none'";

    private final StringBuilder html = new StringBuilder(64 * 1024);

    static String render(SavedRun run, Comparison comparison) {
        return new Page().page(run, comparison);
    }

    private String page(SavedRun run, Comparison comparison) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>InterFeedback report ").append(Html.text(run.runId())).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"report.css\">\n")
                .append("<script src=\"report.js\" defer></script>\n</head>\n<body>\n");
        html.append("<header><h1>InterFeedback report</h1><p class=\"run\">run <code id=\"run-id\">")
                .append(Html.text(run.runId())).append("</code></p>");
        boolean simulated = false;
        for (JsonNode b : run.results.path("benchmarks")) simulated |= b.path("simulated").asBoolean(false);
        if (simulated) {
            html.append("<p class=\"simulated\">Simulated models: these figures say nothing about a real model.</p>");
        }
        boolean matrix = MatrixSection.present(run.results);
        html.append("<nav>");
        if (matrix) html.append("<a href=\"#matrix\">Matrix</a> ");
        html.append("<a href=\"#overview\">Overview</a> <a href=\"#gate\">Gate</a> <a href=\"#categories\">Categories</a> ");
        if (comparison != null) html.append("<a href=\"#comparison\">Comparison</a> ");
        html.append("<a href=\"#samples\">Samples</a></nav></header>\n<main>\n");

        Map<String, String> anchors = new HashMap<>();
        int n = 0;
        for (JsonNode benchmark : run.results.path("benchmarks")) anchors.putIfAbsent(benchmark.path("id").asText(), anchor(n++));
        if (matrix) MatrixSection.render(html, run.results, anchors, run.check, comparison == null ? null : comparison.otherResults());
        html.append("<section id=\"overview\"><h2>Benchmarks</h2>\n");
        n = 0;
        for (JsonNode benchmark : run.results.path("benchmarks")) benchmark(benchmark, anchor(n++));
        html.append("</section>\n");
        GateSection.render(html, run.check);
        categories(run.results.path("benchmarks"));
        if (comparison != null) comparison.render(html);
        html.append("<section id=\"samples\"><h2>Samples</h2>")
                .append("<noscript><p class=\"note\">The sample list and the transcripts need JavaScript; the figures above do not.</p></noscript>")
                .append("<div id=\"sample-list\"></div></section>\n")
                .append("<section id=\"transcript\" hidden></section>\n");
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** A benchmark section's element id: by position, since benchmark ids may hold any character. */
    private static String anchor(int position) {
        return "benchmark-" + position;
    }

    private void benchmark(JsonNode b, String anchor) {
        String id = b.path("id").asText();
        html.append("<article class=\"benchmark\" id=\"").append(anchor).append("\" data-benchmark=\"").append(Html.text(id)).append("\">")
                .append("<h3>").append(Html.text(id)).append("</h3>");
        html.append("<dl class=\"setup\">");
        definition("dataset", b.path("dataset").asText());
        definition("receiver", model(b.path("receiver")));
        definition("provider", model(b.path("provider")));
        if (b.hasNonNull("judge")) definition("judge", model(b.path("judge")));
        definition("feedback", b.path("feedback").asText() + ", up to " + b.path("maxRounds").asInt() + " rounds");
        definition("models", b.path("simulated").asBoolean(false) ? "simulated" : "real");
        html.append("</dl>");

        html.append("<table class=\"figures\"><thead><tr><th>figure</th><th>value</th><th>Wilson 95%</th><th>interval</th><th>of</th></tr></thead><tbody>");
        JsonNode counts = b.path("counts");
        figure(id, "accuracy", "accuracy (round 0)", b.path("accuracy"),
                counts.path("correctAtRound0").asLong() + " of " + (counts.path("correctAtRound0").asLong() + counts.path("wrongAtRound0").asLong()));
        figure(id, "correctionRate", "correction rate", b.path("correctionRate"),
                counts.path("corrected").asLong() + " of " + counts.path("testSet").asLong());
        figure(id, "errorRate", "error rate", b.path("errorRate"),
                counts.path("errors").asLong() + " of " + counts.path("samples").asLong());
        html.append("</tbody></table>");

        html.append("<table class=\"counts\"><tbody><tr>");
        count(id, "samples", "samples", counts.path("samples"));
        count(id, "wrongAtRound0", "#Neg", counts.path("wrongAtRound0"));
        count(id, "testSet", "#Test", counts.path("testSet"));
        count(id, "corrected", "corrected", counts.path("corrected"));
        count(id, "notCorrected", "not corrected", counts.path("notCorrected"));
        count(id, "excluded", "outside the test set", counts.path("excluded"));
        count(id, "errors", "errors", counts.path("errors"));
        html.append("</tr></tbody></table>");

        List<Double> bars = new ArrayList<>();
        bars.add(fraction(b.path("accuracy").path("value")));
        for (JsonNode round : b.path("perRound")) bars.add(fraction(round.path("rate")));
        html.append("<figure class=\"per-round\">").append(Charts.rounds("per-round picture of " + id, bars))
                .append("<figcaption>Right at round 0 (share of the samples answered), then first corrected at each round ")
                .append("(share of the test set); the line is the cumulative correction rate.</figcaption></figure>");

        tokens(b);
        html.append("<p class=\"samples-link\"><a href=\"").append(Html.text("#samples/" + Html.component(id)))
                .append("\">The samples of ").append(Html.text(id)).append("</a> (with JavaScript)</p>");
        html.append("</article>\n");
    }

    private static String model(JsonNode model) {
        String text = model.path("alias").asText() + " (" + model.path("model").asText("");
        return text + (model.path("simulated").asBoolean(false) ? ", simulated)" : ")");
    }

    private void definition(String term, String value) {
        html.append("<dt>").append(Html.text(term)).append("</dt><dd>").append(Html.text(value)).append("</dd>");
    }

    private void figure(String benchmark, String field, String label, JsonNode rate, String of) {
        Double value = fraction(rate.path("value")), low = fraction(rate.path("low")), high = fraction(rate.path("high"));
        html.append("<tr><th scope=\"row\">").append(Html.text(label)).append("</th>")
                .append("<td class=\"value\" data-figure=\"").append(Html.text(benchmark + "/" + field)).append("\"")
                .append(value == null ? "" : " data-value=\"" + value + "\"").append(">").append(Html.percent(value)).append("</td>")
                .append("<td class=\"ci\">").append(Html.interval(low, high)).append("</td>")
                .append("<td>").append(Charts.interval(label + " of " + benchmark, value, low, high)).append("</td>")
                .append("<td class=\"of\">").append(Html.text(of)).append("</td></tr>");
    }

    private void count(String benchmark, String field, String label, JsonNode value) {
        html.append("<td><span class=\"count-label\">").append(Html.text(label)).append("</span> <span class=\"count\" data-count=\"")
                .append(Html.text(benchmark + "/" + field)).append("\">").append(value.asLong()).append("</span></td>");
    }

    private void tokens(JsonNode b) {
        JsonNode cost = b.path("cost");
        String currency = cost.path("currency").asText("");
        html.append("<table class=\"tokens\"><thead><tr><th>role</th><th>prompt tokens</th><th>completion tokens</th>")
                .append("<th>estimated cost</th></tr></thead><tbody>");
        for (String role : List.of("receiver", "provider", "judge")) {
            JsonNode model = b.path(role);
            if (model.isMissingNode() || model.isNull()) continue;
            html.append("<tr><th scope=\"row\">").append(role).append("</th><td>")
                    .append(String.format(Locale.ROOT, "%,d", model.path("tokens").path("prompt").asLong())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,d", model.path("tokens").path("completion").asLong())).append("</td><td>")
                    .append(money(cost.path(role), currency)).append("</td></tr>");
        }
        html.append("<tr class=\"total\"><th scope=\"row\">total</th><td></td><td></td><td>")
                .append(money(cost.path("total"), currency)).append("</td></tr></tbody></table>");
    }

    private static String money(JsonNode value, String currency) {
        return value.isNumber() ? Html.text(String.format(Locale.ROOT, "%.4f %s", value.asDouble(), currency)) : "no price set";
    }

    /** The paper's Tables 3 and 4: categories by rounds, pooled counts, shaded by rate. */
    private void categories(JsonNode benchmarks) {
        html.append("<section id=\"categories\"><h2>Categories</h2>");
        for (JsonNode b : benchmarks) {
            String id = b.path("id").asText();
            int rounds = b.path("maxRounds").asInt();
            html.append("<h3>").append(Html.text(id)).append("</h3><table class=\"categories\" data-benchmark=\"")
                    .append(Html.text(id)).append("\"><thead><tr><th>category</th><th>samples</th><th>accuracy</th><th>#Neg</th><th>#Test</th>");
            for (int k = 1; k <= rounds; k++) html.append("<th>round ").append(k).append("</th>");
            html.append("<th>correction rate</th></tr></thead><tbody>");
            for (JsonNode c : b.path("perCategory")) categoryRow(c.path("category").asText(), c, rounds);
            html.append("</tbody><tfoot>");
            categoryRow("all", b, rounds);
            html.append("</tfoot></table>");
        }
        html.append("</section>\n");
    }

    private void categoryRow(String name, JsonNode c, int rounds) {
        JsonNode counts = c.path("counts");
        html.append("<tr><th scope=\"row\">").append(Html.text(name)).append("</th><td>").append(counts.path("samples").asLong()).append("</td>");
        shaded(fraction(c.path("accuracy").path("value")));
        html.append("<td>").append(counts.path("wrongAtRound0").asLong()).append("</td><td>").append(counts.path("testSet").asLong()).append("</td>");
        for (int k = 1; k <= rounds; k++) {
            JsonNode round = c.path("perRound").path(k - 1);
            shaded(fraction(round.path("rate")));
        }
        shaded(fraction(c.path("correctionRate").path("value")));
        html.append("</tr>");
    }

    /** A cell whose background deepens with the rate, by class (the policy allows no inline style). */
    private void shaded(Double rate) {
        int shade = rate == null ? -1 : (int) Math.round(Math.max(0, Math.min(1, rate)) * 10);
        html.append("<td class=\"rate").append(shade < 0 ? " undefined" : " shade-" + shade).append("\">")
                .append(Html.percent(rate)).append("</td>");
    }

    static Double fraction(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }
}
