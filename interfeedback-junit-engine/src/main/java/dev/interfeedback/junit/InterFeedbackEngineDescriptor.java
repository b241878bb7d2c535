package dev.interfeedback.junit;

import dev.interfeedback.human.HumanPages;
import dev.interfeedback.model.resilience.ResponseCache;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** The root: opens the run's output files before the benchmarks, and closes them, the response caches and the feedback pages after. */
final class InterFeedbackEngineDescriptor extends EngineDescriptor implements Node<RunContext> {

    InterFeedbackEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "InterFeedback");
    }

    @Override
    public RunContext before(RunContext context) throws Exception {
        context.outputs().open();
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
