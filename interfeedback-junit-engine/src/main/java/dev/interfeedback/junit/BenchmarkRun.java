package dev.interfeedback.junit;

import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.BenchmarkRunner;
import dev.interfeedback.bench.RunJournal;
import dev.interfeedback.bench.TestSet;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.model.batch.BatchSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One benchmark while it runs: its runner, its test set, its journal, and the outcomes of the
 * episodes finished so far.
 */
final class BenchmarkRun {

    private final BenchmarkDefinition definition;
    private final BenchmarkRunner runner;
    private final TestSet testSet;
    private final List<Sample> samples;
    private final Map<String, Sample> byId;
    private final RunOutputs outputs;
    private final RunJournal journal;
    private final Map<String, Episode> episodes = new ConcurrentHashMap<>();

    BenchmarkRun(BenchmarkDefinition definition, BenchmarkRunner runner, TestSet testSet, List<Sample> samples,
            RunOutputs outputs, RunJournal journal) {
        this.definition = definition;
        this.runner = runner;
        this.testSet = testSet;
        this.samples = List.copyOf(samples);
        this.byId = samples.stream().collect(Collectors.toMap(Sample::id, Function.identity()));
        this.outputs = outputs;
        this.journal = journal;
    }

    BenchmarkRunner runner() {
        return runner;
    }

    TestSet testSet() {
        return testSet;
    }

    /** The sample's episode as an interrupted run of the same configuration journaled it, if it did. */
    Optional<Episode> journaled(Sample sample) {
        return journal.episode(sample.id());
    }

    /**
     * Journals a finished episode (unless it came from the journal), appends it to
     * {@code episodes.jsonl} and writes its transcript, all before JUnit hears the verdict, so
     * nothing reported is missing from the files and a killed run does not repeat it.
     *
     * @return where its transcript starts
     */
    TranscriptFile.Location finished(Episode episode) throws IOException {
        if (journal.episode(episode.sampleId()).isEmpty()) journal.recordEpisode(episode);
        Sample sample = byId.get(episode.sampleId());
        outputs.appendEpisode(definition.id(), sample, testSet.provider(sample), episode);
        TranscriptFile.Location transcript = outputs.transcript(definition.id(), sample, episode);
        // The texts are in the files now; the figures need only the outcome.
        episodes.put(episode.sampleId(), episode.outcome());
        return transcript;
    }

    /**
     * Ends the run's journal: deleted once every sample has its episode in the results (a later
     * run starts afresh), kept when the run was cut short, so that the next run resumes it.
     *
     * @param cancelled whether the run was cancelled (fail-fast): samples it stopped end as
     *     errors, which are not journaled, and must run again
     */
    void closeJournal(boolean cancelled) throws IOException {
        if (!cancelled && episodes.size() == samples.size()) {
            BatchSession.delete(outputs.journalFile(definition.id()));
            journal.delete();
        } else {
            journal.close();
        }
    }

    /**
     * The outcomes of the episodes that finished ({@link Episode#outcome()}: their texts are in
     * {@code episodes.jsonl} and the transcripts), in dataset order; samples a cancelled run never
     * ran are left out.
     */
    BenchmarkResult result() {
        List<Episode> finished = samples.stream().map(s -> episodes.get(s.id())).filter(Objects::nonNull).toList();
        return runner.result(definition.id(), definition.dataset(), testSet, finished);
    }
}
