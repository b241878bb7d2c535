package dev.interfeedback.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /**
     * The sample's transcript, read where its {@code transcript} entry says it starts, up to where
     * the next transcript in the same file starts (another sample's entry says where, a skipped
     * sample's has no entry: its transcript starts after a blank line).
     */
    static String transcript(EngineExecutionResults results, String sampleId) throws IOException {
        return transcript(results, null, sampleId);
    }

    /** @param benchmark the sample's benchmark, where another benchmark of the run has a sample of the same id */
    static String transcript(EngineExecutionResults results, String benchmark, String sampleId) throws IOException {
        List<Map.Entry<String, String>> locations = events(results, SampleDescriptor.SEGMENT)
                .filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .map(e -> Map.entry(e.getTestDescriptor().getUniqueId().getLastSegment().getValue(),
                        e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("transcript")))
                .toList();
        List<String> mine = locations.stream()
                .filter(l -> l.getKey().equals(sampleId))
                .map(Map.Entry::getValue)
                .filter(l -> benchmark == null || l.contains("/" + benchmark + ".txt:"))
                .toList();
        if (mine.size() != 1) throw new AssertionError("transcript entries of sample " + sampleId + ": " + mine);
        String file = mine.get(0).substring(0, mine.get(0).lastIndexOf(':'));
        int start = line(mine.get(0));
        int end = locations.stream().map(Map.Entry::getValue)
                .filter(other -> other.startsWith(file + ":"))
                .mapToInt(Tally::line)
                .filter(line -> line > start)
                .min().orElse(Integer.MAX_VALUE);
        List<String> lines = Files.readAllLines(Path.of(file));
        for (int i = start; i < Math.min(end - 1, lines.size()); i++) {
            if (lines.get(i - 1).isEmpty() && lines.get(i).startsWith("benchmark: ")) end = i + 1;
        }
        return String.join("\n", lines.subList(start - 1, Math.min(end - 1, lines.size()))) + "\n";
    }

    private static int line(String location) {
        return Integer.parseInt(location.substring(location.lastIndexOf(':') + 1));
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
