package dev.interfeedback.junit;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Round;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One answer of the receiver, registered while its sample runs. It always passes: it records
 * what happened, and the verdict is its sample's. Failing wrong rounds would count the early
 * attempts of a corrected sample as failures.
 */
final class RoundDescriptor extends AbstractTestDescriptor implements Node<RunContext> {

    static final String SEGMENT = "round";

    private final Round round;
    private final BenchmarkDefinition definition;
    private final Sample sample;

    RoundDescriptor(UniqueId uniqueId, Sample sample, Round round, TestSource source, BenchmarkDefinition definition) {
        super(uniqueId, RoundNames.of(sample, round), source);
        this.round = round;
        this.definition = definition;
        this.sample = sample;
    }

    /** Reports that list tests flat (Surefire's XML) need the sample beside the round to tell rounds apart. */
    @Override
    public String getLegacyReportingName() {
        return sample.id() + " " + getDisplayName();
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        return Tags.of(definition);
    }

    /** In the sample's thread, at once, so rounds are reported in the order they were answered. */
    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }

    /**
     * Publishes the round on one line per field, so console trees stay readable; the texts as
     * written are in the sample's transcript and in {@code episodes.jsonl}.
     */
    @Override
    public RunContext execute(RunContext context, DynamicTestExecutor dynamicTestExecutor) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("round", String.valueOf(round.round()));
        if (round.feedback() != null) {
            entry.put("feedback", oneLine(RoundNames.gist(sample, round.feedback())));
            entry.put("leakGuard", round.leakGuard().name());
        }
        entry.put("answer", oneLine(String.valueOf(round.answer())));
        entry.put("extracted", Verdicts.shown(round.extracted()));
        entry.put("correct", String.valueOf(round.correct()));
        context.listener().reportingEntryPublished(this, ReportEntry.from(entry));
        return context;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
