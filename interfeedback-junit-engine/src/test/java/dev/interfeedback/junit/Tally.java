package dev.interfeedback.junit;

import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * The event statistics of one kind of node (samples or rounds), so that a test can assert all
 * of them at once and see every figure when one is off.
 */
record Tally(long started, long succeeded, long failed, long skipped, long aborted, long dynamicallyRegistered) {

    static Tally samples(EngineExecutionResults results) {
        return of(results, SampleDescriptor.SEGMENT);
    }

    static Tally rounds(EngineExecutionResults results) {
        return of(results, RoundDescriptor.SEGMENT);
    }

    static Tally of(EngineExecutionResults results, String segment) {
        return new Tally(
                count(results, segment, EventType.STARTED, null),
                count(results, segment, EventType.FINISHED, TestExecutionResult.Status.SUCCESSFUL),
                count(results, segment, EventType.FINISHED, TestExecutionResult.Status.FAILED),
                count(results, segment, EventType.SKIPPED, null),
                count(results, segment, EventType.FINISHED, TestExecutionResult.Status.ABORTED),
                count(results, segment, EventType.DYNAMIC_TEST_REGISTERED, null));
    }

    private static long count(EngineExecutionResults results, String segment, EventType type,
            TestExecutionResult.Status status) {
        return events(results, segment)
                .filter(e -> e.getType() == type)
                .filter(e -> status == null
                        || e.getRequiredPayload(TestExecutionResult.class).getStatus() == status)
                .count();
    }

    static Stream<Event> events(EngineExecutionResults results, String segment) {
        return results.allEvents().stream().filter(e -> kind(e.getTestDescriptor().getUniqueId()).equals(segment));
    }

    static String kind(UniqueId id) {
        return id.getLastSegment().getType();
    }
}
