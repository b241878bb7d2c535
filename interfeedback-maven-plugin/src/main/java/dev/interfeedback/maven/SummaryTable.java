package dev.interfeedback.maven;

import dev.interfeedback.maven.results.BenchmarkSummary;
import dev.interfeedback.maven.results.Counter;
import dev.interfeedback.maven.results.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table the evaluate goal prints: one row per benchmark, as a release engineer scans it, then
 * each matrix in the paper's layout ({@link MatrixTable}).
 */
final class SummaryTable {

    private static final String[] HEADER =
            {"benchmark", "receiver", "provider", "feedback", "accuracy", "#test", "correction rate", "per round", "errors"};

    private SummaryTable() {}

    static List<String> render(List<BenchmarkSummary> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (BenchmarkSummary b : results) {
            if (b.cell() != null) continue; // a matrix's cells have a table of their own
            Figure accuracy = b.figures().get(Counter.ACCURACY);
            Figure correction = b.figures().get(Counter.CORRECTION_RATE);
            Figure errors = b.figures().get(Counter.ERROR_RATE);
            List<String> rounds = new ArrayList<>();
            for (int k = 0; k < b.perRound().size(); k++) rounds.add(percent(b.perRound().get(k)));
            rows.add(new String[] {
                b.id(), b.receiver(), b.provider(), b.feedback() + " x" + b.maxRounds(),
                percent(accuracy.value()), String.valueOf(b.figures().counts().testSet()), interval(correction),
                String.join(" / ", rounds), errors.successes() + " of " + errors.trials()
            });
        }
        List<String> lines = rows.size() > 1 ? aligned(rows) : new ArrayList<>();
        lines.addAll(MatrixTable.render(results));
        if (results.stream().anyMatch(BenchmarkSummary::simulated)) {
            lines.add("(simulated models: these figures say nothing about a real model)");
        }
        return lines;
    }

    /** Rows as lines, each column as wide as its widest cell. */
    static List<String> aligned(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row[i]));
                if (i < row.length - 1) line.append("  ");
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    static String percent(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    static String interval(Figure figure) {
        if (!figure.defined()) return "n/a";
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * figure.value(), 100 * figure.low(), 100 * figure.high());
    }
}
