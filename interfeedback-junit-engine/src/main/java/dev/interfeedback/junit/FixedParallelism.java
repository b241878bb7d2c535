package dev.interfeedback.junit;

import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;

/** A fork-join pool of a given size, sized by {@link EndpointLimits#threadsFor}, not by the CPUs. */
record FixedParallelism(int getParallelism) implements ParallelExecutionConfiguration {

    @Override
    public int getMinimumRunnable() {
        return getParallelism;
    }

    @Override
    public int getMaxPoolSize() {
        return getParallelism + 256;
    }

    @Override
    public int getCorePoolSize() {
        return getParallelism;
    }

    @Override
    public int getKeepAliveSeconds() {
        return 30;
    }

    /** Blocked samples wait for their endpoint; more threads would not make them faster. */
    @Override
    public Predicate<? super ForkJoinPool> getSaturatePredicate() {
        return pool -> true;
    }
}
