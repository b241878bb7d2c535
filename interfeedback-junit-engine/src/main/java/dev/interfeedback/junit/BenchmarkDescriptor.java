package dev.interfeedback.junit;

import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.BenchmarkRunner;
import dev.interfeedback.bench.RunJournal;
import dev.interfeedback.bench.TestSet;
import dev.interfeedback.config.Prices;
import dev.interfeedback.config.RunIdentity;
import dev.interfeedback.config.RunnerFactory;
import dev.interfeedback.config.Settings;
import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.model.resilience.CallStats;
import dev.interfeedback.report.ResultsJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One benchmark class, or one cell of a matrix. Before its samples it builds the test set (the round-0 answers of both
 * models), after them it writes the results.
 */
final class BenchmarkDescriptor extends AbstractTestDescriptor implements Node<RunContext> {

    static final String SEGMENT = "benchmark";

    private final BenchmarkDefinition definition;
    /** The dataset's samples by id, built on the first lookup: discovery asks once per sample. */
    private Map<String, Sample> samplesById;

    BenchmarkDescriptor(UniqueId uniqueId, BenchmarkDefinition definition) {
        super(uniqueId, definition.id(), ClassSource.from(definition.type()));
        this.definition = definition;
    }

    BenchmarkDefinition definition() {
        return definition;
    }

    Optional<SampleDescriptor> createSample(String sampleId) {
        if (definition.dataset() == null) return Optional.empty();
        if (samplesById == null) {
            samplesById = new HashMap<>();
            for (Sample sample : definition.dataset().samples()) samplesById.putIfAbsent(sample.id(), sample);
        }
        return Optional.ofNullable(samplesById.get(sampleId))
                .map(sample -> new SampleDescriptor(getUniqueId().append(SampleDescriptor.SEGMENT, sampleId), sample,
                        definition));
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /**
     * A benchmark whose dataset cannot be read has no samples; saying it may register tests keeps
     * the launcher from pruning it, so it runs and fails with the message instead of vanishing.
     */
    private static final System.Logger LOG = System.getLogger(BenchmarkDescriptor.class.getName());

    @Override
    public boolean mayRegisterTests() {
        return definition.dataset() == null;
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
     * Discovery has digested the whole dataset already for the run's identity; only a shard's
     * part, a dataset of its own, is digested again (an unsharded run's dataset is the whole one,
     * the same instance: {@code Shard.apply} returns it as it is).
     */
    private String journalKey(BenchmarkRunner runner) {
        if (definition.identity() != null && definition.dataset() == definition.whole()) return definition.identity();
        return runner.journalKey(definition.id(), definition.dataset(), RunIdentity.run(definition.settings(), definition.dataset()));
    }

    @Override
    public RunContext before(RunContext context) throws Exception {
        if (definition.problem() != null) throw definition.problem();
        BenchmarkRunner runner = RunnerFactory.create(definition.settings(), context.environment(), new CallStats(),
                EndpointLimits.around(context.cancellation()));
        if (getParent().orElse(null) instanceof MatrixDescriptor matrix) runner = runner.sharing(matrix.roundZero());
        List<Sample> samples = selectedSamples();
        boolean wholeDataset = samples.size() == definition.dataset().size();
        runner.prefetch(definition.id(), new Dataset(definition.dataset().name(), definition.dataset().source(), samples),
                context.outputs().journalFile(definition.id()),
                line -> LOG.log(System.Logger.Level.INFO, "benchmark " + definition.id() + ": " + line));
        // Only a run of the whole dataset journals: a rerun of some samples is quick, and its
        // round-0 answers come from the store of the last full run.
        RunJournal journal = wholeDataset
                ? context.outputs().openJournal(definition.id(), journalKey(runner), definition.settings().resume())
                : RunJournal.none();
        journal.superseded().ifPresent(old -> {
            String message = "the dataset or settings changed since the interrupted run: starting afresh; the old journal is kept at " + old;
            LOG.log(System.Logger.Level.WARNING, "benchmark " + definition.id() + ": " + message);
            context.listener().reportingEntryPublished(this, ReportEntry.from("afresh", message));
        });
        if (journal.resumedEpisodes() > 0) {
            context.listener().reportingEntryPublished(this, ReportEntry.from("resumed", journal.resumedEpisodes() + " of "
                    + samples.size() + " samples were finished by an interrupted run; their episodes are reused"));
        }
        TestSetSource.Built built;
        try {
            built = new TestSetSource(context.outputs().roundZeroStore(), definition)
                    .testSet(runner, samples, wholeDataset, journal);
        } catch (Throwable e) {
            journal.close();
            throw e;
        }
        context.listener().reportingEntryPublished(this, Figures.testSet(definition.datasetSummary(), built.testSet(), samples, built.reused()));
        return context.with(new BenchmarkRun(definition, runner, built.testSet(), samples, context.outputs(), journal));
    }

    @Override
    public void after(RunContext context) throws Exception {
        BenchmarkRun run = context.benchmark();
        if (run == null) return;
        BenchmarkResult result = run.result();
        Settings settings = definition.settings();
        try {
            context.outputs().finished(result, Prices.from(settings, RunnerFactory.aliases(settings)),
                    getParent().orElse(null) instanceof MatrixDescriptor matrix
                            ? new ResultsJson.Cell(matrix.definition().id(), definition.cellKey())
                            : null);
        } finally {
            run.closeJournal(context.cancellation().isCancellationRequested());
        }
        context.listener().reportingEntryPublished(this, Figures.result(result));
        context.outputs().transcripts(definition.id()).ifPresent(file ->
                context.listener().fileEntryPublished(this, FileEntry.from(file, "text/plain")));
    }

    /** The samples discovery kept, in dataset order: all of them, or those an IDE reruns. */
    List<Sample> selectedSamples() {
        return getChildren().stream()
                .filter(SampleDescriptor.class::isInstance)
                .map(child -> ((SampleDescriptor) child).sample())
                .toList();
    }
}
