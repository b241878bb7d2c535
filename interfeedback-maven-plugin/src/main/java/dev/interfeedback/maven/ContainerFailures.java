package dev.interfeedback.maven;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Collects failed containers: the engine or a benchmark that could not run (a bad setting, an
 * unreadable dataset). Samples are tests (with their rounds as children): their failures are the measurement.
 */
final class ContainerFailures implements TestExecutionListener {

    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isContainer() && !identifier.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED) {
            String cause = result.getThrowable().map(t -> t.getMessage() != null ? t.getMessage() : t.toString())
                    .orElse("no cause given");
            failures.add(identifier.getDisplayName() + ": " + cause);
        }
    }

    List<String> failures() {
        return List.copyOf(failures);
    }
}
