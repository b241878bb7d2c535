package dev.interfeedback.junit;

import dev.interfeedback.bench.TestSet;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.RoundListener;
import dev.interfeedback.episode.RoundZero;
import dev.interfeedback.report.ShownText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One sample: a test whose verdict is the episode's. Its rounds and where its transcript starts
 * are published on it as one report entry when the episode ends (an event per round and a file
 * entry per sample made the Launcher's XML listeners a third of a cached run's CPU); the
 * benchmark publishes its transcripts file as a file entry.
 *
 * <p>Rounds are not nodes of their own: JUnit's XML report makes every leaf of the tree a test
 * case and gives it the failure of its ancestors, so a node per round, test or container, would
 * count a failed sample once per round (Jenkins showed 100 failures for 20 samples).
 */
final class SampleDescriptor extends AbstractTestDescriptor implements Node<RunContext> {

    static final String SEGMENT = "sample";

    /** Dataset ids are short; a longer one is cut rather than wrapped across a test tree. */
    private static final int NAME_CHARS = 120;

    private final Sample sample;
    private final BenchmarkDefinition definition;

    SampleDescriptor(UniqueId uniqueId, Sample sample, BenchmarkDefinition definition) {
        super(uniqueId, ShownText.line(sample.id() + " [" + sample.category() + "]", NAME_CHARS), source(sample, definition));
        this.sample = sample;
        this.definition = definition;
    }

    Sample sample() {
        return sample;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        return Tags.of(definition);
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.CONCURRENT;
    }

    /**
     * A sample outside the test set makes no model call, so its episode is final already: it is
     * journaled here, and JUnit reports the sample skipped with the reason.
     */
    @Override
    public SkipResult shouldBeSkipped(RunContext context) throws Exception {
        BenchmarkRun run = context.benchmark();
        TestSet testSet = run.testSet();
        RoundZero mine = testSet.receiver(sample), theirs = testSet.provider(sample);
        boolean excluded = !mine.failed() && !mine.correct() && !theirs.failed() && !testSet.contains(sample);
        if (!excluded) return SkipResult.doNotSkip();
        run.finished(run.runner().runSample(sample, testSet, RoundListener.NONE));
        return SkipResult.skip("outside the test set: the receiver (" + definition.settings().receiverAlias()
                + ") answered " + Verdicts.shown(mine.verdict().extracted()) + " at round 0, and the provider ("
                + definition.settings().providerAlias() + ") cannot solve it either (answered "
                + Verdicts.shown(theirs.verdict().extracted()) + "; ground truth " + Verdicts.shown(sample.answer()) + ")");
    }

    @Override
    public RunContext execute(RunContext context, DynamicTestExecutor dynamicTestExecutor) throws Exception {
        BenchmarkRun run = context.benchmark();
        // Finished by an interrupted run: its rounds are shown again, no model is asked.
        Episode episode = run.journaled(sample).orElseGet(() -> run.runner().runSample(sample, run.testSet(), RoundListener.NONE));
        TranscriptFile.Location transcript = run.finished(episode);
        context.listener().reportingEntryPublished(this, RoundEntries.of(sample, episode.rounds(), transcript));
        Verdicts.report(episode, sample, definition.settings());
        return context;
    }

    private static TestSource source(Sample sample, BenchmarkDefinition definition) {
        Integer line = definition.lines().get(sample.id());
        Path file = definition.datasetFile().toAbsolutePath().normalize();
        // MMMU-Pro may be a folder of parquet shards
        if (Files.isDirectory(file)) return DirectorySource.from(file.toFile());
        return line == null ? FileSource.from(file.toFile()) : FileSource.from(file.toFile(), FilePosition.from(line));
    }
}
