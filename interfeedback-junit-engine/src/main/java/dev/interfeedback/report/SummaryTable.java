package dev.interfeedback.report;

import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.ChanceCorrection;
import dev.interfeedback.bench.MaintenanceMetrics;
import dev.interfeedback.bench.Counts;
import dev.interfeedback.bench.Metrics;
import dev.interfeedback.bench.RoundRate;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Usage;
import java.util.Locale;
import java.util.Map;

/** The plain-text summary printed at the end of a run. */
public final class SummaryTable {

    /** An error message can hold a server's whole body; the first part says enough in a summary. */
    private static final int SHOWN_CHARS = 300;

    private SummaryTable() {}

    public static String render(BenchmarkResult result) {
        return render(result, PriceTable.NONE);
    }

    /** The summary with each role's tokens and, where {@code prices} has a price, their estimated cost. */
    public static String render(BenchmarkResult result, PriceTable prices) {
        Metrics m = result.metrics();
        Counts c = m.counts();
        StringBuilder out = new StringBuilder();
        out.append("Benchmark ").append(result.id()).append(" (dataset ").append(result.dataset()).append(")\n");
        out.append("  receiver          ").append(result.receiver()).append('\n');
        out.append("  provider          ").append(result.provider()).append('\n');
        out.append("  feedback          ").append(result.feedback().configName())
                .append(", up to ").append(result.maxRounds()).append(" rounds\n");
        if (result.receiver().simulated() || result.provider().simulated()) {
            out.append("  NOTE              simulated models: these figures say nothing about a real model\n");
        }
        out.append(String.format(Locale.ROOT, "  samples           %d (correct at round 0: %d, wrong: %d, errors: %d)%n",
                c.samples(), c.correctAtRound0(), c.wrongAtRound0(), c.errors()));
        if (c.errors() > 0) {
            // Errors are no verdict; show why, since a wall of "n/a" alone explains nothing.
            result.firstError().ifPresent(e -> out.append(
                    String.format(Locale.ROOT, "  ERRORS            %d, for example %s: %s%n", c.errors(),
                            ShownText.line(e.sampleId(), SHOWN_CHARS), ShownText.line(e.error(), SHOWN_CHARS))));
        }
        out.append("  accuracy          ").append(m.accuracy().format()).append('\n');
        out.append("  provider accuracy ").append(result.providerRoundZero().format()).append('\n');
        out.append(String.format(Locale.ROOT, "  test set          %d (receiver wrong, provider right)%n", c.testSet()));
        out.append("  correction rate   ").append(m.correctionRate().format())
                .append(String.format(Locale.ROOT, "  (%d of %d corrected)%n", c.corrected(), c.testSet()));
        for (RoundRate round : m.perRound()) {
            out.append(String.format(Locale.ROOT, "    round %d         %s  (%d)%n",
                    round.round(), round.rate().format(), round.rate().successes()));
        }
        ChanceCorrection chance = result.chance();
        if (chance.testSet() > 0) {
            out.append(String.format(Locale.ROOT, "  by guessing       %.1f%%  (%.2f of %d expected from trying untried options;"
                    + " excess %+.1f points)%n", 100 * chance.rate(), chance.expected(), chance.testSet(),
                    100 * chance.excess(m.correctionRate())));
        }
        MaintenanceMetrics maintenance = result.maintenance();
        if (maintenance != null) {
            out.append("  maintenance       ").append(maintenance.rate().format())
                    .append(String.format(Locale.ROOT, "  (%d of %d right at round 0 kept it when told it was wrong%s)%n",
                            maintenance.rate().successes(), maintenance.tested(),
                            maintenance.errors() == 0 ? "" : "; " + maintenance.errors() + " errors"));
        }
        out.append("  tokens            ").append(tokens("receiver", result.receiver(), result.receiverUsage(), result.batched().receiver(), prices))
                .append('\n');
        out.append("                    ").append(tokens("provider", result.provider(), result.providerUsage(), result.batched().provider(), prices))
                .append('\n');
        if (result.judge() != null) {
            out.append("                    ").append(tokens("judge", result.judge(), result.judgeUsage(), result.batched().judge(), prices))
                    .append('\n');
        }
        out.append("  per category      accuracy / correction rate (#test)\n");
        for (Map.Entry<String, Metrics> entry : result.perCategory().entrySet()) {
            Metrics cm = entry.getValue();
            out.append(String.format(Locale.ROOT, "    %-28s %-22s %-22s (%d)%n", entry.getKey(),
                    cm.accuracy().format(), cm.correctionRate().format(), cm.counts().testSet()));
        }
        return out.toString();
    }

    private static String tokens(String role, ModelInfo model, Usage usage, Usage batched, PriceTable prices) {
        String cost = prices.cost(model.alias(), usage, batched)
                .map(c -> String.format(Locale.ROOT, ", estimated cost %.4f %s", c, prices.currency()))
                .orElse(", no price configured");
        String cached = "";
        if (usage.cachedPromptTokens() > 0 || usage.cacheWriteTokens() > 0) {
            cached = String.format(Locale.ROOT, " (%.1f%% from the API's prompt cache)", 100 * ResultsJson.cachedShare(usage))
                    + prices.savedByPromptCache(model.alias(), usage)
                            .map(s -> String.format(Locale.ROOT, ", %.4f %s saved by it", s, prices.currency())).orElse("");
        }
        String batch = "";
        if (batched.promptTokens() + batched.completionTokens() > 0) {
            batch = String.format(Locale.ROOT, " (%d + %d through batches", batched.promptTokens(), batched.completionTokens())
                    + prices.savedByBatch(model.alias(), batched)
                            .map(s -> String.format(Locale.ROOT, ", %.4f %s saved by the batch discount", s, prices.currency()))
                            .orElse("") + ")";
        }
        return String.format(Locale.ROOT, "%-8s %s: %d prompt + %d completion%s%s%s", role, model.alias(),
                usage.promptTokens(), usage.completionTokens(), batch, cost, cached);
    }
}
