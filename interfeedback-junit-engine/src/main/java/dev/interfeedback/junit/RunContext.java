package dev.interfeedback.junit;

import java.util.function.Function;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * What nodes share during a run: where results go, the run's cancellation and, below a
 * benchmark, that benchmark's run.
 *
 * @param benchmark the enclosing benchmark's run; null above benchmarks
 */
record RunContext(
        EngineExecutionListener listener,
        CancellationToken cancellation,
        RunOutputs outputs,
        Function<String, String> environment,
        BenchmarkRun benchmark) implements EngineExecutionContext {

    RunContext with(BenchmarkRun run) {
        return new RunContext(listener, cancellation, outputs, environment, run);
    }
}
