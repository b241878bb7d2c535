package dev.interfeedback.maven;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Counts samples by verdict: each sample is one test of the engine (its rounds are report
 * entries), and the benchmarks and the engine are containers.
 */
final class SampleTally implements TestExecutionListener {

    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger aborted = new AtomicInteger();
    private volatile String firstAbort;

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        if (identifier.isTest()) skipped.incrementAndGet();
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (!identifier.isTest()) return;
        switch (result.getStatus()) {
            case SUCCESSFUL -> passed.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
            case ABORTED -> {
                if (aborted.getAndIncrement() == 0) {
                    firstAbort = identifier.getDisplayName() + ": "
                            + result.getThrowable().map(Throwable::getMessage).orElse("no cause given");
                }
            }
        }
    }

    /** Why the first aborted sample had no verdict (a model call that failed), or null. */
    String firstAbort() {
        return firstAbort;
    }

    int samples() {
        return passed.get() + failed.get() + skipped.get() + aborted.get();
    }

    @Override
    public String toString() {
        return samples() + " samples: " + passed + " passed, " + failed + " failed (not corrected), " + skipped
                + " skipped (outside the test set), " + aborted + " aborted (model errors)";
    }
}
