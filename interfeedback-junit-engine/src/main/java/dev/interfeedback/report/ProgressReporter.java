package dev.interfeedback.report;

import dev.interfeedback.bench.RunObserver;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.model.resilience.CallStats;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress line per benchmark on long runs: samples done of total, rate, ETA, retries and 429s
 * so far, errors. On a terminal the line is redrawn in place every second; otherwise (CI logs,
 * files) a plain line is printed every {@code interval}, so logs stay readable.
 */
public final class ProgressReporter implements RunObserver, AutoCloseable {

    private final PrintStream out;
    private final CallStats stats;
    private final Duration interval;
    private final boolean terminal;
    private final ScheduledExecutorService ticker;

    private final AtomicLong roundZeroDone = new AtomicLong();
    private final AtomicLong episodesDone = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile String benchmark;
    private volatile long samples;
    private volatile long start;
    private ScheduledFuture<?> task;

    /**
     * @param interval how often a plain line is printed; {@link Duration#ZERO} prints none
     * @param terminal whether {@code out} is a terminal, which can redraw a line in place
     */
    public ProgressReporter(PrintStream out, CallStats stats, Duration interval, boolean terminal) {
        this.out = out;
        this.stats = stats;
        this.interval = interval;
        this.terminal = terminal;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "interfeedback-progress");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized void started(String benchmark, int samples) {
        this.benchmark = benchmark;
        this.samples = samples;
        roundZeroDone.set(0);
        episodesDone.set(0);
        errors.set(0);
        start = System.nanoTime();
        if (task == null && !interval.isZero()) {
            long period = terminal ? 1000 : interval.toMillis();
            task = ticker.scheduleAtFixedRate(this::print, period, period, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void roundZeroDone(String benchmark) {
        roundZeroDone.incrementAndGet();
    }

    @Override
    public void episodeDone(String benchmark, Episode episode) {
        episodesDone.incrementAndGet();
        if (episode.status() == EpisodeStatus.ERROR) errors.incrementAndGet();
    }

    @Override
    public synchronized void finished(String benchmark) {
        if (task != null) {
            task.cancel(false);
            task = null;
            print();
            if (terminal) out.println();
        }
    }

    /**
     * A line about the batches of a benchmark (a wave sent, a batch's state and counts), printed at
     * once: they change seldom, and each change is news.
     */
    public synchronized void batches(String benchmark, String line) {
        out.println((terminal ? "\r" : "") + "progress " + benchmark + ": " + line);
        out.flush();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** The line as it stands now. */
    public String line() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        long done = episodesDone.get(), total = samples;
        double rate = done / seconds;
        String eta = done == 0 ? "?" : format(Duration.ofMillis((long) ((total - done) / rate * 1000)));
        return String.format(Locale.ROOT,
                "progress %s: samples %d/%d (%.0f%%), %.1f/s, ETA %s, round-0 answers %d/%d, retries %d, 429s %d, errors %d",
                benchmark, done, total, total == 0 ? 100.0 : 100.0 * done / total, rate, eta, roundZeroDone.get(), 2 * total,
                stats.retries(), stats.rateLimitedResponses(), errors.get());
    }

    private void print() {
        if (benchmark == null) return;
        String line = line();
        if (terminal) out.print("\r" + line + "   ");
        else out.println(line);
        out.flush();
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        if (s >= 60) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return s + "s";
    }
}
