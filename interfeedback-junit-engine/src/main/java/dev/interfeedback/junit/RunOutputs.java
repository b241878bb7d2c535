package dev.interfeedback.junit;

import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.report.EpisodesJsonl;
import dev.interfeedback.report.ResultsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The files of one run in {@code interfeedback.output.dir}: {@code episodes.jsonl} appended as
 * episodes finish, {@code results.json} rewritten as each benchmark finishes (so it holds every
 * benchmark of the run), a transcript per sample, and the stored round-0 answers.
 */
final class RunOutputs implements AutoCloseable {

    private final Path dir;
    private final List<BenchmarkResult> results = new ArrayList<>();
    private EpisodesJsonl journal;

    RunOutputs(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    synchronized void open() throws IOException {
        journal = EpisodesJsonl.create(dir.resolve("episodes.jsonl"));
    }

    void journal(String benchmark, Episode episode) {
        journal.append(benchmark, episode);
    }

    Path transcript(String benchmark, Sample sample, Episode episode) throws IOException {
        Path file = dir.resolve("transcripts").resolve(FileNames.safe(benchmark)).resolve(FileNames.safe(sample.id()) + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Transcript.of(benchmark, sample, episode), StandardCharsets.UTF_8);
        return file;
    }

    RoundZeroStore roundZeroStore() {
        return new RoundZeroStore(dir.resolve("round-zero"));
    }

    synchronized void finished(BenchmarkResult result) throws IOException {
        results.removeIf(r -> r.id().equals(result.id()));
        results.add(result);
        results.sort(Comparator.comparing(BenchmarkResult::id));
        new ResultsJson().write(results, dir.resolve("results.json"));
    }

    @Override
    public synchronized void close() throws IOException {
        if (journal != null) journal.close();
    }
}
