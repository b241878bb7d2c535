package dev.interfeedback.bench;

import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.DatasetException;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeRunner;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.RoundListener;
import dev.interfeedback.episode.RoundZero;
import dev.interfeedback.episode.Verifier;
import dev.interfeedback.feedback.BinaryFeedback;
import dev.interfeedback.feedback.FeedbackKind;
import dev.interfeedback.feedback.FeedbackProvider;
import dev.interfeedback.prompt.Prompts;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Usage;
import dev.interfeedback.model.UsageMeter;
import dev.interfeedback.model.batch.BatchSession;
import java.io.IOException;
import java.nio.file.Path;
import dev.interfeedback.episode.Round;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Runs one benchmark: for every sample, the round-0 answers of both models, then the feedback loop
 * when the sample is in the test set, with up to {@code concurrency} samples at once.
 */
public final class BenchmarkRunner {

    private final ChatModel receiver;
    private final ChatModel provider;
    private final FeedbackProvider feedback;
    private final Verifier verifier;
    private final int maxRounds;
    private final int concurrency;
    private final EpisodeRunner loop;
    private final ModelInfo judge;
    private final UsageMeter judgeTokens;
    /** Round-0 answers shared with the other cells of a matrix; null when not in one. */
    private final SharedRoundZero shared;
    /** Tokens of the round-0 answers this runner took from another cell of its matrix, by role. */
    private final UsageMeter sharedReceiver = new UsageMeter(), sharedProvider = new UsageMeter();
    private final Prompts prompts;
    private final boolean maintenance;
    private BatchSession batches;
    private Supplier<BatchTokens> batchTokens = () -> BatchTokens.NONE;

    public BenchmarkRunner(ChatModel receiver, ChatModel provider, FeedbackProvider feedback, Verifier verifier,
            int maxRounds, int concurrency) {
        this(receiver, provider, feedback, verifier, maxRounds, concurrency, null, null);
    }

    /**
     * @param judge the model {@code verifier} calls, or null for a rule-based verifier
     * @param judgeTokens counts the judge's tokens (its calls belong to no episode); null without a judge
     */
    public BenchmarkRunner(ChatModel receiver, ChatModel provider, FeedbackProvider feedback, Verifier verifier,
            int maxRounds, int concurrency, ModelInfo judge, UsageMeter judgeTokens) {
        this(receiver, provider, feedback, verifier, maxRounds, concurrency, judge, judgeTokens, Prompts.builtIn(), false);
    }

    /**
     * @param prompts the templates of every prompt the models are given
     * @param maintenance whether samples right at round 0 get the answer-maintenance control
     */
    public BenchmarkRunner(ChatModel receiver, ChatModel provider, FeedbackProvider feedback, Verifier verifier,
            int maxRounds, int concurrency, ModelInfo judge, UsageMeter judgeTokens, Prompts prompts, boolean maintenance) {
        this(receiver, provider, feedback, verifier, maxRounds, concurrency, judge, judgeTokens, prompts, maintenance, null);
    }

    private BenchmarkRunner(ChatModel receiver, ChatModel provider, FeedbackProvider feedback, Verifier verifier,
            int maxRounds, int concurrency, ModelInfo judge, UsageMeter judgeTokens, Prompts prompts, boolean maintenance,
            SharedRoundZero shared) {
        this.shared = shared;
        this.prompts = prompts;
        this.maintenance = maintenance;
        this.judge = judge;
        this.judgeTokens = judgeTokens == null ? new UsageMeter() : judgeTokens;
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        this.receiver = receiver;
        this.provider = provider;
        this.feedback = feedback;
        this.verifier = verifier;
        this.maxRounds = maxRounds;
        this.concurrency = concurrency;
        this.loop = new EpisodeRunner(receiver, feedback, verifier, maxRounds, prompts);
    }

    /**
     * Sends the calls of the batch models (those with {@code batch} set) through {@code session}; see
     * {@link #prefetch}.
     *
     * @param tokens the tokens of the calls batches answered, by role, once the session's passes are done
     */
    public BenchmarkRunner sendingBatchesThrough(BatchSession session, Supplier<BatchTokens> tokens) {
        this.batches = session;
        this.batchTokens = tokens;
        return this;
    }

    /**
     * When some model sends its calls in batches: brings every answer the run will need, wave by
     * wave, through dry passes of the run (see {@link BatchSession}), so that the run itself then
     * asks nothing. Without batch models it does nothing.
     *
     * @param runJournal the benchmark's run journal file; the batch ids are journaled beside it
     */
    public void prefetch(String id, Dataset dataset, Path runJournal, BatchSession.Progress progress)
            throws InterruptedException, IOException {
        if (batches == null || !batches.used()) return;
        batches.prefetch(runJournal, () -> run(id, dataset, RoundListener.NONE, episode -> {}, RunJournal.none(),
                RunObserver.NONE), progress);
    }

    /**
     * The same runner taking its round-0 answers from {@code shared}, so that the cells of a matrix
     * ask each model once per sample.
     */
    public BenchmarkRunner sharing(SharedRoundZero shared) {
        return new BenchmarkRunner(receiver, provider, feedback, verifier, maxRounds, concurrency, judge, judgeTokens,
                prompts, maintenance, shared).sendingBatchesThrough(batches, batchTokens);
    }

    /**
     * @param onEpisode told of every finished episode as soon as it is final, from worker threads
     *     one at a time, so it can be journaled before anything is reported
     */
    public BenchmarkResult run(String id, Dataset dataset, RoundListener rounds, Consumer<Episode> onEpisode)
            throws InterruptedException {
        return run(id, dataset, rounds, onEpisode, RunJournal.none(), RunObserver.NONE);
    }

    /**
     * Runs the benchmark, skipping what {@code journal} says is done: journaled round-0 answers
     * and episodes are reused without a model call, and everything newly finished is journaled
     * before {@code onEpisode} hears of it. Reused episodes are passed to {@code onEpisode} too, so
     * that its output is complete.
     *
     * @param journal what is done already; open it with {@link #journalKey(String, Dataset, String)}
     * @param observer told of progress
     */
    public BenchmarkResult run(String id, Dataset dataset, RoundListener rounds, Consumer<Episode> onEpisode,
            RunJournal journal, RunObserver observer) throws InterruptedException {
        Object oneAtATime = new Object();
        return run(id, dataset, rounds, (sample, provider, episode) -> {
            synchronized (oneAtATime) {
                onEpisode.accept(episode);
            }
        }, journal, observer);
    }

    /**
     * As above, telling {@code onEpisode} each episode's sample and the provider's round-0 answer
     * too, and from worker threads at once: {@code onEpisode} must be thread-safe. With thousands
     * of calls in flight, a sink that writes one episode at a time holds up every worker that
     * finishes meanwhile, and with it a slot of the concurrency.
     *
     * <p>Each sample is one worker's from its round-0 answers to its last round: its test-set
     * membership depends on its own two round-0 answers alone, so nothing waits for the rest of the
     * dataset. A barrier after round 0 would leave slots idle through the last round-0 wave and
     * hold every round-0 answer of the dataset until the feedback loop began.
     *
     * <p>The sink has the transcripts; the result keeps only the {@linkplain EpisodeTally totals} of
     * the episodes, so that a run of many samples holds no object per sample until its end.
     */
    public BenchmarkResult run(String id, Dataset dataset, RoundListener rounds, EpisodeSink onEpisode,
            RunJournal journal, RunObserver observer) throws InterruptedException {
        ExecutorService pool = pool("interfeedback-" + id);
        // One runner may run several benchmarks in turn: each is charged the judge tokens of its own run.
        Usage judgeBefore = judgeTokens.total();
        SharedRoundZeroTokens sharedBefore = sharedTokens();
        AtomicLong providerRight = new AtomicLong(), providerAnswered = new AtomicLong();
        try {
            observer.started(id, dataset.size());
            EpisodeTally tally = new EpisodeTally(maxRounds);
            each(pool, dataset.size(), i -> {
                Sample sample = dataset.samples().get(i);
                RoundZero mine = roundZero(id, receiver, RunJournal.Role.RECEIVER, sample, journal, observer);
                RoundZero theirs = roundZero(id, provider, RunJournal.Role.PROVIDER, sample, journal, observer);
                if (!theirs.failed()) providerAnswered.incrementAndGet();
                if (theirs.correct()) providerRight.incrementAndGet();
                Optional<Episode> done = journal.episode(sample.id());
                Episode episode = done.orElseGet(() -> runSample(sample, mine, theirs, rounds));
                if (done.isEmpty()) journal.recordEpisode(episode);
                onEpisode.accept(sample, theirs, episode);
                observer.episodeDone(id, episode);
                tally.add(i, sample, episode);
            });
            BenchmarkResult result = result(id, dataset, new Rate(providerRight.get(), providerAnswered.get()), tally,
                    judgeBefore, sharedBefore);
            observer.finished(id);
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What identifies a run of this runner on a dataset, for {@link RunJournal#open}: a journal
     * left by another configuration (other models, feedback, rounds or data) is not resumed.
     *
     * @param configuration a digest of what else decides the answers (endpoints, sampling, prompt
     *     and scoring settings, the samples' content)
     */
    public String journalKey(String id, Dataset dataset, String configuration) {
        return "benchmark=" + id + "; dataset=" + dataset.name() + " (" + dataset.size() + " samples); receiver="
                + receiver.info() + "; provider=" + provider.info() + "; feedback=" + feedback.kind().configName()
                + "; rounds=" + maxRounds + (maintenance ? "; maintenance=true" : "") + "; configuration=" + configuration;
    }

    /**
     * The result of a run whose episodes were produced elsewhere (one by one, as JUnit tests). The
     * judge's tokens are all those since this runner was built.
     */
    public BenchmarkResult result(String id, Dataset dataset, TestSet testSet, List<Episode> episodes) {
        long providerRight = testSet.provider().values().stream().filter(RoundZero::correct).count();
        long providerAnswered = testSet.provider().values().stream().filter(r -> !r.failed()).count();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < dataset.size(); i++) positions.putIfAbsent(dataset.samples().get(i).id(), i);
        EpisodeTally tally = new EpisodeTally(maxRounds);
        for (Episode episode : episodes) {
            Integer position = positions.get(episode.sampleId());
            if (position == null) {
                throw new IllegalArgumentException("sample " + episode.sampleId() + " is not in dataset " + dataset.name());
            }
            tally.add(position, dataset.samples().get(position), episode);
        }
        return result(id, dataset, new Rate(providerRight, providerAnswered), tally, Usage.NONE, SharedRoundZeroTokens.NONE);
    }

    private SharedRoundZeroTokens sharedTokens() {
        return new SharedRoundZeroTokens(sharedReceiver.total(), sharedProvider.total());
    }

    /** @param providerRoundZero the provider's round-0 accuracy over the dataset */
    private BenchmarkResult result(String id, Dataset dataset, Rate providerRoundZero, EpisodeTally tally,
            Usage judgeBefore, SharedRoundZeroTokens sharedBefore) {
        Usage judgeNow = judgeTokens.total();
        Usage judgeUsage = judgeNow.minus(judgeBefore);
        return new BenchmarkResult(id, dataset.name(), receiver.info(), provider.info(), feedback.kind(), maxRounds,
                providerRoundZero, tally.totals(), judge, judgeUsage, List.copyOf(prompts.templates()), tally.chance(),
                new SharedRoundZeroTokens(sharedReceiver.total().minus(sharedBefore.receiver()),
                        sharedProvider.total().minus(sharedBefore.provider())), batchTokens.get());
    }

    /** Round-0 answers of both models on every sample, computed once each, {@code concurrency} at a time. */
    public TestSet buildTestSet(Dataset dataset) throws InterruptedException {
        return buildTestSet(dataset, RunJournal.none());
    }

    /** As {@link #buildTestSet(Dataset)}, reusing the round-0 answers {@code journal} holds and journaling new ones. */
    public TestSet buildTestSet(Dataset dataset, RunJournal journal) throws InterruptedException {
        ExecutorService pool = pool("interfeedback-test-set");
        try {
            return buildTestSet(dataset, pool, journal);
        } finally {
            pool.shutdownNow();
        }
    }

    private TestSet buildTestSet(Dataset dataset, ExecutorService pool, RunJournal journal) throws InterruptedException {
        // Both models' calls in one batch, so the pool never idles between the two.
        String id = dataset.name();
        List<RoundZero> answers = all(pool, 2 * dataset.size(), i -> i % 2 == 0
                ? roundZero(id, receiver, RunJournal.Role.RECEIVER, dataset.samples().get(i / 2), journal, RunObserver.NONE)
                : roundZero(id, provider, RunJournal.Role.PROVIDER, dataset.samples().get(i / 2), journal, RunObserver.NONE));
        Map<String, RoundZero> byReceiver = new LinkedHashMap<>(), byProvider = new LinkedHashMap<>();
        for (int i = 0; i < dataset.size(); i++) {
            byReceiver.put(dataset.samples().get(i).id(), answers.get(2 * i));
            byProvider.put(dataset.samples().get(i).id(), answers.get(2 * i + 1));
        }
        return new TestSet(byReceiver, byProvider);
    }

    private RoundZero roundZero(String id, ChatModel model, RunJournal.Role role, Sample sample, RunJournal journal,
            RunObserver observer) {
        Optional<RunJournal.Answer> done = journal.roundZero(role, sample.id());
        RoundZero answer;
        if (role == RunJournal.Role.PROVIDER && feedback.kind() == FeedbackKind.HUMAN) {
            answer = RoundZero.person(sample);
        } else if (done.isPresent()) {
            // The verdict is recomputed, so a resumed run scores exactly as a fresh one would.
            ChatResponse response = new ChatResponse(done.get().response(), done.get().usage(), done.get().finishReason());
            answer = new RoundZero(response.text(), response.finishReason(), verifier.verify(response, sample),
                    response.usage(), null);
        } else {
            if (shared == null) {
                answer = RoundZero.answer(model, verifier, sample, prompts);
            } else {
                SharedRoundZero.Answer got = shared.answer(this, model.info().alias(), sample,
                        () -> RoundZero.answer(model, verifier, sample, prompts));
                answer = got.answer();
                if (!got.asked() && answer.usage() != null) {
                    (role == RunJournal.Role.RECEIVER ? sharedReceiver : sharedProvider).add(answer.usage());
                }
            }
            journal.recordRoundZero(role, sample.id(), answer);
        }
        observer.roundZeroDone(id);
        return answer;
    }

    /**
     * One sample's episode, given the round-0 answers: its status from the test set, and the
     * feedback loop when it is in the test set. Thread-safe.
     */
    public Episode runSample(Sample sample, TestSet testSet, RoundListener rounds) {
        return runSample(sample, testSet.receiver(sample), testSet.provider(sample), rounds);
    }

    /** As above, given the receiver's ({@code mine}) and the provider's ({@code theirs}) round-0 answers. */
    private Episode runSample(Sample sample, RoundZero mine, RoundZero theirs, RoundListener rounds) {
        if (mine.failed()) {
            return new Episode(sample.id(), sample.category(), EpisodeStatus.ERROR, null, List.of(), mine.error(),
                    null, null);
        }
        rounds.roundFinished(sample, mine.toRound());
        List<Round> first = List.of(mine.toRound());
        if (mine.correct()) {
            if (!maintenance) {
                return new Episode(sample.id(), sample.category(), EpisodeStatus.CORRECT_AT_ROUND_0, null, first, null,
                        mine.usage(), theirs.usage());
            }
            EpisodeRunner.Maintained control = loop.maintain(sample, mine, new BinaryFeedback(prompts));
            return new Episode(sample.id(), sample.category(), EpisodeStatus.CORRECT_AT_ROUND_0, null, first, null,
                    mine.usage().plus(control.usage()), theirs.usage(), control.maintenance());
        }
        if (theirs.failed()) {
            return new Episode(sample.id(), sample.category(), EpisodeStatus.ERROR, null, first, theirs.error(),
                    mine.usage(), null);
        }
        if (!TestSet.contains(mine, theirs)) {
            return new Episode(sample.id(), sample.category(), EpisodeStatus.EXCLUDED, null, first,
                    null, mine.usage(), theirs.usage());
        }
        return loop.correct(sample, mine, theirs.usage(), rounds);
    }

    private ExecutorService pool(String name) {
        return Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** As {@link #each}, with the tasks' results in index order. */
    private <T> List<T> all(ExecutorService pool, int count, IntFunction<T> task) throws InterruptedException {
        AtomicReferenceArray<T> results = new AtomicReferenceArray<>(count);
        each(pool, count, i -> results.set(i, task.apply(i)));
        List<T> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) list.add(results.get(i));
        return list;
    }

    /**
     * {@code task(0)} to {@code task(count - 1)} on the pool's threads, each thread taking the next
     * index as it frees up (so they start in order). No object waits in the pool's queue per task:
     * a run of 40,000 samples would queue 80,000 round-0 calls.
     */
    private void each(ExecutorService pool, int count, IntConsumer task) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        // The failure of the lowest index, as a list of futures in order would have reported it.
        Throwable[] failure = new Throwable[1];
        int[] failedAt = {Integer.MAX_VALUE};
        // A dataset changed under the run: the run cannot finish, so no further model call is paid for.
        AtomicBoolean datasetChanged = new AtomicBoolean();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(concurrency, count); w++) {
            workers.add(() -> {
                // A cancelled run (its pool shut down) takes no further task.
                for (int i; !Thread.currentThread().isInterrupted() && !datasetChanged.get()
                        && (i = next.getAndIncrement()) < count; ) {
                    try {
                        task.accept(i);
                    } catch (RuntimeException | Error e) {
                        if (e instanceof DatasetException) datasetChanged.set(true);
                        synchronized (failure) {
                            if (i < failedAt[0]) {
                                failedAt[0] = i;
                                failure[0] = e;
                            }
                        }
                    }
                }
                return null;
            });
        }
        pool.invokeAll(workers);
        synchronized (failure) {
            // A dataset changed under a run is the user's to fix, and says which line.
            if (failure[0] instanceof DatasetException e) throw e;
            // Model failures are already episodes with status ERROR; what lands here is a bug.
            if (failure[0] != null) throw new IllegalStateException("benchmark task failed: " + failure[0], failure[0]);
        }
    }
}
