package dev.interfeedback.junit;

import dev.interfeedback.bench.TestSet;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.RoundListener;
import dev.interfeedback.episode.RoundZero;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One sample: a test whose verdict is the episode's, with its rounds registered as dynamic
 * children as the receiver answers them.
 */
final class SampleDescriptor extends AbstractTestDescriptor implements Node<RunContext> {

    static final String SEGMENT = "sample";

    private final Sample sample;
    private final BenchmarkDefinition definition;

    SampleDescriptor(UniqueId uniqueId, Sample sample, BenchmarkDefinition definition) {
        super(uniqueId, sample.id() + " [" + sample.category() + "]", source(sample, definition));
        this.sample = sample;
        this.definition = definition;
    }

    Sample sample() {
        return sample;
    }

    /** A test that has children: its verdict counts, and its rounds show what happened. */
    @Override
    public Type getType() {
        return Type.CONTAINER_AND_TEST;
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
                + Verdicts.shown(theirs.verdict().extracted()) + "; ground truth " + sample.answer() + ")");
    }

    @Override
    public RunContext execute(RunContext context, DynamicTestExecutor rounds) throws Exception {
        BenchmarkRun run = context.benchmark();
        RoundListener register = (answered, round) -> {
            // Added, then registered and started, the order IDEs expect of dynamic tests.
            RoundDescriptor child = new RoundDescriptor(getUniqueId().append(RoundDescriptor.SEGMENT,
                    String.valueOf(round.round())), sample, round, getSource().orElse(null), definition);
            addChild(child);
            rounds.execute(child);
        };
        Optional<Episode> journaled = run.journaled(sample);
        Episode episode;
        if (journaled.isPresent()) {
            // Finished by an interrupted run: its rounds are shown again, no model is asked.
            episode = journaled.get();
            episode.rounds().forEach(round -> register.roundFinished(sample, round));
        } else {
            episode = run.runner().runSample(sample, run.testSet(), register);
        }
        rounds.awaitFinished();
        Path transcript = run.finished(episode);
        context.listener().fileEntryPublished(this, FileEntry.from(transcript, "text/plain"));
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
