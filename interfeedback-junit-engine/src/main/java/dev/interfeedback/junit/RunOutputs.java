package dev.interfeedback.junit;

import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.RunJournal;
import dev.interfeedback.bench.shard.Shard;
import dev.interfeedback.bench.shard.ShardManifest;
import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.RoundZero;
import dev.interfeedback.report.EpisodesJsonl;
import dev.interfeedback.report.PriceTable;
import dev.interfeedback.report.ResultsJson;
import dev.interfeedback.report.RunFiles;
import dev.interfeedback.report.html.HtmlReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files of one run in {@code interfeedback.output.dir}: {@code episodes.jsonl} appended as
 * episodes finish, {@code results.json} rewritten as each benchmark finishes (so it holds every
 * benchmark of the run), the transcripts (a file per benchmark), the stored round-0 answers, and each running
 * benchmark's journal, on a shard's run the shard's manifest, and at the end the HTML report. The
 * previous run's results, episodes, transcripts and report are removed when the run opens (see
 * {@link RunFiles}).
 */
final class RunOutputs implements AutoCloseable {

    /** The folder, inside the output directory, of a run of some samples only. */
    static final String RERUN = "rerun";

    private final Path dir;
    private final Path runDir;
    private final Path roundZeroDir;
    private final List<BenchmarkResult> results = new ArrayList<>();
    private final Map<String, PriceTable.Price> prices = new HashMap<>();
    private final Map<String, ResultsJson.Cell> cells = new HashMap<>();
    private final Map<String, TranscriptFile> transcripts = new ConcurrentHashMap<>();
    private String currency = PriceTable.NONE.currency();
    private final String runId = RunFiles.newRunId();
    private final Shard shard;
    private EpisodesJsonl episodes;
    private ShardManifest manifest;

    /**
     * @param dir where this run's files go
     * @param runDir the output directory of full runs, whose stored round-0 answers a rerun reuses
     * @param shard the shard this machine runs, whose manifest goes beside the results; null for none
     */
    RunOutputs(Path dir, Path runDir, Shard shard) {
        this.dir = dir;
        this.runDir = runDir;
        this.roundZeroDir = runDir.resolve("round-zero");
        this.shard = shard;
    }

    synchronized void open() throws IOException {
        RunFiles.clearPrevious(dir);
        episodes = EpisodesJsonl.create(dir.resolve(RunFiles.EPISODES), runId);
        if (shard != null) manifest = ShardManifest.start(dir, runId, shard);
    }

    /**
     * Names a benchmark of a shard's run in its manifest, before any benchmark runs, so that a
     * shard killed before it finishes says so.
     *
     * @param identity what identifies a run of its whole dataset; null for a benchmark that cannot run
     */
    synchronized void planned(String benchmark, String identity, Dataset whole, List<Sample> samples) throws IOException {
        if (manifest == null) return;
        manifest.planned(benchmark, identity == null ? "cannot run" : identity,
                whole == null ? new Dataset(benchmark, null, List.of()) : whole, samples);
    }

    /**
     * The journal of a benchmark that runs its whole dataset, resumed when an interrupted run of
     * the same configuration left one. It lives in the full runs' directory even when other
     * benchmarks of the run rerun some samples only, so a later full run finds it.
     *
     * @param run what identifies the run (see {@link dev.interfeedback.bench.BenchmarkRunner#journalKey})
     */
    RunJournal openJournal(String benchmark, String run, boolean resume) throws IOException {
        return RunJournal.open(journalFile(benchmark), run, resume);
    }

    /** Where a benchmark's journal lives; its batches' journal goes beside it. */
    Path journalFile(String benchmark) {
        return RunJournal.file(runDir, benchmark);
    }

    void appendEpisode(String benchmark, Sample sample, RoundZero providerRoundZero, Episode episode) {
        episodes.append(benchmark, sample, providerRoundZero, episode);
    }

    /** Appends the sample's transcript to its benchmark's transcripts file. */
    TranscriptFile.Location transcript(String benchmark, Sample sample, Episode episode) throws IOException {
        return transcripts.computeIfAbsent(benchmark, b -> new TranscriptFile(
                        dir.resolve(RunFiles.TRANSCRIPTS).resolve(FileNames.safe(b) + ".txt")))
                .append(Transcript.of(benchmark, sample, episode));
    }

    /** The benchmark's transcripts file, once a transcript was written to it. */
    Optional<Path> transcripts(String benchmark) {
        return Optional.ofNullable(transcripts.get(benchmark)).map(TranscriptFile::file);
    }

    RoundZeroStore roundZeroStore() {
        return new RoundZeroStore(roundZeroDir);
    }

    /**
     * @param benchmarkPrices the prices of the benchmark's models, by alias; benchmarks of a run share one table
     * @param cell the matrix cell the benchmark is, or null
     */
    synchronized void finished(BenchmarkResult result, PriceTable benchmarkPrices, ResultsJson.Cell cell) throws IOException {
        if (cell != null) cells.put(result.id(), cell);
        results.removeIf(r -> r.id().equals(result.id()));
        results.add(result);
        results.sort(Comparator.comparing(BenchmarkResult::id));
        prices.putAll(benchmarkPrices.prices());
        if (!benchmarkPrices.prices().isEmpty()) currency = benchmarkPrices.currency();
        new ResultsJson(new PriceTable(currency, prices), runId, cells).write(results, dir.resolve(RunFiles.RESULTS));
        if (manifest != null) manifest.finished(result, benchmarkPrices, cell);
    }

    /** Closes the episodes and, when a benchmark finished, writes the HTML report of what is in the files. */
    @Override
    public synchronized void close() throws IOException {
        if (episodes != null) episodes.close();
        for (TranscriptFile file : transcripts.values()) file.close();
        if (!results.isEmpty()) HtmlReport.write(dir);
    }
}
