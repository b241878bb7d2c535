package dev.interfeedback.maven;

import dev.interfeedback.maven.results.BenchmarkSummary;
import dev.interfeedback.maven.results.BenchmarkSummary.MatrixCell;
import dev.interfeedback.maven.results.Counter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A benchmark matrix in the layout of the paper's Tables 1 and 2: one row per receiver, its
 * round-0 accuracy and #Neg (shared by its cells, whose round-0 answers are the same), then for
 * each provider and feedback kind the #Test and the correction rate with its interval, in one
 * column so that the table stays readable in a build log.
 */
final class MatrixTable {

    private MatrixTable() {}

    static List<String> render(List<BenchmarkSummary> results) {
        Map<String, List<BenchmarkSummary>> matrices = new LinkedHashMap<>();
        for (BenchmarkSummary b : results) {
            if (b.cell() != null) matrices.computeIfAbsent(b.cell().matrix(), m -> new ArrayList<>()).add(b);
        }
        List<String> lines = new ArrayList<>();
        matrices.forEach((matrix, cells) -> {
            lines.add("");
            lines.add("matrix " + matrix + ": a row per receiver; per provider and feedback kind, #Test: correction rate [95% interval]");
            lines.addAll(SummaryTable.aligned(rows(cells)));
        });
        return lines;
    }

    private static List<String[]> rows(List<BenchmarkSummary> cells) {
        Set<String> receivers = new LinkedHashSet<>();
        Set<String> columns = new LinkedHashSet<>();
        Map<String, BenchmarkSummary> byCell = new LinkedHashMap<>();
        for (BenchmarkSummary b : cells) {
            MatrixCell cell = b.cell();
            receivers.add(cell.receiver());
            columns.add(column(cell));
            byCell.put(cell.receiver() + "\n" + column(cell), b);
        }
        List<String> header = new ArrayList<>(List.of("receiver", "accuracy", "#Neg"));
        header.addAll(columns);
        List<String[]> rows = new ArrayList<>();
        rows.add(header.toArray(String[]::new));
        for (String receiver : receivers) {
            BenchmarkSummary any = cells.stream().filter(b -> b.cell().receiver().equals(receiver)).findFirst().orElseThrow();
            List<String> row = new ArrayList<>(List.of(receiver,
                    SummaryTable.percent(any.figures().get(Counter.ACCURACY).value()),
                    String.valueOf(any.figures().counts().wrongAtRound0())));
            for (String column : columns) {
                BenchmarkSummary b = byCell.get(receiver + "\n" + column);
                row.add(b == null ? "-" : b.figures().counts().testSet() + ": "
                        + SummaryTable.interval(b.figures().get(Counter.CORRECTION_RATE)));
            }
            rows.add(row.toArray(String[]::new));
        }
        return rows;
    }

    private static String column(MatrixCell cell) {
        return cell.provider() + " " + cell.feedback();
    }
}
