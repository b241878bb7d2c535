package dev.interfeedback.cli;

import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.shard.MergeRefusedException;
import dev.interfeedback.bench.shard.ShardMerge;
import dev.interfeedback.model.resilience.ResponseCache;
import dev.interfeedback.report.RunFiles;
import dev.interfeedback.report.html.HtmlReport;
import dev.interfeedback.report.SummaryTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code merge --into DIR SHARD_DIR ...}: merges the output directories of a sharded run's shards
 * into one run's outputs in {@code DIR} (see {@link ShardMerge}).
 */
final class MergeCommand {

    static final String NAME = "merge";
    private static final String USAGE = "usage: InterFeedbackCli merge --into DIR SHARD_DIR [SHARD_DIR ...]";

    private final PrintStream out;
    private final PrintStream err;

    MergeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @return 0 merged, 2 refused (bad arguments or shards that do not make one run), 1 an I/O failure */
    int run(List<String> args) {
        Path into = null;
        List<Path> shards = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--into")) {
                if (i + 1 == args.size()) return usage("--into needs a directory");
                into = Path.of(args.get(++i));
            } else if (args.get(i).startsWith("-")) {
                return usage("unknown option " + args.get(i));
            } else {
                shards.add(Path.of(args.get(i)));
            }
        }
        if (into == null) return usage("--into DIR is required: where the merged results go");
        if (shards.isEmpty()) return usage("no shard directories given");
        try {
            ShardMerge.Merged merged = ShardMerge.merge(shards, into);
            for (ShardMerge.ShardSummary shard : merged.shards()) {
                out.println("Shard " + shard.shard() + ": " + shard.dir() + " (run " + shard.runId() + ")");
            }
            for (BenchmarkResult result : merged.results()) out.println(SummaryTable.render(result, merged.prices()));
            out.println("Merged " + merged.shards().size() + " shards into run " + merged.runId() + ": "
                    + into.resolve(RunFiles.RESULTS) + " and " + into.resolve(RunFiles.EPISODES)
                    + (merged.cacheEntries() > 0 ? "; " + merged.cacheEntries() + " cached responses added to " + into.resolve("cache") : ""));
            out.println("Report: " + HtmlReport.folder(into).resolve("index.html"));
            return 0;
        } catch (MergeRefusedException e) {
            err.println("interfeedback: merge refused: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("interfeedback: merge failed: " + e);
            return 1;
        } finally {
            ResponseCache.closeAll();
        }
    }

    private int usage(String problem) {
        err.println("interfeedback: " + problem + "\n" + USAGE);
        return 2;
    }
}
