package dev.interfeedback.junit;

import dev.interfeedback.human.HumanPages;
import dev.interfeedback.model.resilience.ResponseCache;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The root: opens the run's output files (and names every benchmark in a shard's manifest) before
 * the benchmarks, and closes them, the response caches and the feedback pages after.
 */
final class InterFeedbackEngineDescriptor extends EngineDescriptor implements Node<RunContext> {

    InterFeedbackEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "InterFeedback");
    }

    @Override
    public RunContext before(RunContext context) throws Exception {
        context.outputs().open();
        List<BenchmarkDescriptor> benchmarks = new ArrayList<>();
        for (TestDescriptor child : getChildren()) {
            if (child instanceof BenchmarkDescriptor benchmark) benchmarks.add(benchmark);
            // A matrix's cells are benchmarks of the run as any other.
            if (child instanceof MatrixDescriptor matrix) {
                matrix.getChildren().forEach(cell -> benchmarks.add((BenchmarkDescriptor) cell));
            }
        }
        // In the order results.json lists them, so a merge lists them so too.
        benchmarks.sort(Comparator.comparing(b -> b.definition().id()));
        for (BenchmarkDescriptor benchmark : benchmarks) {
            BenchmarkDefinition definition = benchmark.definition();
            context.outputs().planned(definition.id(), definition.problem() == null ? definition.identity() : null,
                    definition.whole(), benchmark.selectedSamples());
        }
        return context;
    }

    @Override
    public void after(RunContext context) throws Exception {
        try {
            context.outputs().close();
        } finally {
            ResponseCache.closeAll();
            HumanPages.closeAll();
        }
    }
}
