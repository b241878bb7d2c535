package dev.interfeedback.junit;

import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.Counts;
import dev.interfeedback.bench.Metrics;
import dev.interfeedback.bench.TestSet;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.RoundZero;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.reporting.ReportEntry;

/** The key figures published as report entries on a benchmark node. */
final class Figures {

    private Figures() {}

    /** The test-set construction: how many samples each model got right at round 0. */
    static ReportEntry testSet(String dataset, TestSet testSet, List<Sample> samples, int reused) {
        long receiverRight = 0, receiverWrong = 0, providerRight = 0, errors = 0;
        for (Sample sample : samples) {
            RoundZero mine = testSet.receiver(sample), theirs = testSet.provider(sample);
            if (mine.failed() || theirs.failed()) errors++;
            if (mine.correct()) receiverRight++;
            else if (!mine.failed()) receiverWrong++;
            if (theirs.correct()) providerRight++;
        }
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("dataset", dataset);
        entry.put("samples", String.valueOf(samples.size()));
        entry.put("receiverCorrectAtRound0", String.valueOf(receiverRight));
        entry.put("receiverWrongAtRound0", String.valueOf(receiverWrong));
        entry.put("providerCorrectAtRound0", String.valueOf(providerRight));
        entry.put("testSet", String.valueOf(testSet.size()));
        entry.put("roundZeroErrors", String.valueOf(errors));
        entry.put("roundZeroReused", String.valueOf(reused));
        return ReportEntry.from(entry);
    }

    static ReportEntry result(BenchmarkResult result) {
        Metrics metrics = result.metrics();
        Counts counts = metrics.counts();
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("accuracy", metrics.accuracy().format());
        entry.put("correctionRate", metrics.correctionRate().format());
        entry.put("corrected", counts.corrected() + " of " + counts.testSet());
        entry.put("errors", String.valueOf(counts.errors()));
        return ReportEntry.from(entry);
    }
}
