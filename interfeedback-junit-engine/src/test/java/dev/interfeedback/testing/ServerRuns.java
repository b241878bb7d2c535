package dev.interfeedback.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.BenchmarkRunner;
import dev.interfeedback.bench.RunJournal;
import dev.interfeedback.bench.RunObserver;
import dev.interfeedback.config.RunnerFactory;
import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.RoundListener;
import dev.interfeedback.model.resilience.CallStats;
import dev.interfeedback.report.ResultsJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Runs a benchmark against a {@link ScriptedChatServer} and returns what a user would compare. */
public final class ServerRuns {

    private ServerRuns() {}

    public record Outcome(BenchmarkResult result, List<Episode> reported, CallStats stats) {
        /** results.json's content for this run alone. */
        public ObjectNode json() {
            return new ResultsJson().toJson(List.of(result));
        }
    }

    public static Outcome run(Dataset dataset, Map<String, String> settings, RunJournal journal) throws InterruptedException {
        CallStats stats = new CallStats();
        BenchmarkRunner runner = RunnerFactory.create(TestSettings.of(settings), k -> null, stats, UnaryOperator.identity());
        List<Episode> reported = Collections.synchronizedList(new ArrayList<>());
        BenchmarkResult result = runner.run(dataset.name(), dataset, RoundListener.NONE, reported::add, journal,
                RunObserver.NONE);
        return new Outcome(result, reported, stats);
    }

}
