package dev.interfeedback.junit;

import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * The event statistics of one kind of node (benchmarks or samples), so that a test can assert all
 * of them at once and see every figure when one is off.
 */
record Tally(long started, long succeeded, long failed, long skipped, long aborted) {

    static Tally samples(EngineExecutionResults results) {
        return of(results, SampleDescriptor.SEGMENT);
    }

    /** The rounds the samples published, in the order they were published. */
    static List<String> rounds(EngineExecutionResults results, String sampleId) {
        return events(results, SampleDescriptor.SEGMENT)
                .filter(e -> e.getTestDescriptor().getUniqueId().getLastSegment().getValue().equals(sampleId))
                .filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .flatMap(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().entrySet().stream())
                .filter(entry -> entry.getKey().startsWith("round "))
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .toList();
    }

    /** How many rounds all samples published. */
    static long rounds(EngineExecutionResults results) {
        return events(results, SampleDescriptor.SEGMENT)
                .filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .flatMap(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().keySet().stream())
                .filter(key -> key.startsWith("round "))
                .count();
    }

    static Tally of(EngineExecutionResults results, String segment) {
        return new Tally(
                count(results, segment, EventType.STARTED, null),
                count(results, segment, EventType.FINISHED, TestExecutionResult.Status.SUCCESSFUL),
                count(results, segment, EventType.FINISHED, TestExecutionResult.Status.FAILED),
                count(results, segment, EventType.SKIPPED, null),
                count(results, segment, EventType.FINISHED, TestExecutionResult.Status.ABORTED));
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
