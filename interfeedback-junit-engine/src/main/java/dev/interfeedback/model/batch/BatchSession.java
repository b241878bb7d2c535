package dev.interfeedback.model.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelHttpException;
import dev.interfeedback.model.openai.OpenAiBatchApi;
import dev.interfeedback.model.resilience.CallStats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sends the calls of the models with {@code batch} set through a batch engine, in waves: the
 * OpenAI Batch API of the model's server, or batch files that {@code vllm run-batch} answers.
 *
 * <p>The episode loop is not changed for it. A wave is found by a dry pass: the benchmark runs as
 * usual, every call a batch already answered is answered, and every other call of a batch model is
 * collected and fails the sample for this pass only. The first pass collects the round-0 calls
 * of the whole dataset; each later one the next call of every sample still in its loop (the
 * provider's feedback, then the receiver's answer). The collected calls go out as batches (split
 * to the API's limits of requests and bytes per file, one model per file), are polled with
 * backoff until they end, and their answers feed the next pass. When a pass collects nothing,
 * every call has its answer, and the real run answers all of them without a request.
 *
 * <p>A line that a batch answers with a retryable error (429, 5xx) or leaves unanswered (an
 * expired or failed batch) is tried again as its model's {@link BatchTarget.Retry} says: in the
 * next wave, or at once through the synchronous client. Only then, or for an error no retry can
 * fix, is it an error for its sample in the real run, never a wrong answer, named by its batch
 * and custom id; it is not cached, so a later run asks again. Batch ids are journaled
 * ({@link BatchJournal}) as soon as they exist.
 */
public final class BatchSession {

    /** The Batch API's limits per input file, and how often to poll. */
    public record Limits(int maxRequests, long maxBytes, Duration firstPoll, Duration longestPoll) {
        /** The OpenAI Batch API's: 50,000 requests and 200 MB per file. */
        public static final Limits OPENAI = new Limits(50_000, 200L * 1024 * 1024, Duration.ofSeconds(5), Duration.ofMinutes(2));
    }

    /** A line of a batch input file and its custom id. */
    record Line(String customId, byte[] bytes) {
        static Line of(byte[] bytes) {
            // The line starts {"custom_id":"<64 hex digits>" (see OpenAiBatchApi#line).
            return new Line(new String(bytes, 14, 64, StandardCharsets.US_ASCII), bytes);
        }
    }

    /**
     * What a request got: an answer, or why there is none.
     *
     * @param batched whether a batch brought the answer (not a synchronous retry)
     */
    record Outcome(ChatResponse response, ModelException error, boolean batched) {
        ChatResponse answer() throws ModelException {
            if (error != null) throw error;
            return response;
        }
    }

    /** A wave's batch file of one model whose output file is there to be read. */
    private record AnsweredFile(BatchTarget target, BatchFiles files, List<Line> lines) {}

    /** A line that failed in a batch and waits for its retry. */
    private record Failure(String batchId, ModelException error) {}

    /** One dry pass of the benchmark. */
    @FunctionalInterface
    public interface Pass {
        void run() throws InterruptedException;
    }

    /** Told of each wave and batch, for progress lines. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = line -> {};

        void report(String line);
    }

    private static final int MOST_FAILED_POLLS = 5;

    private final Limits limits;
    private final int maxAttempts;
    private final CallStats stats;
    private final Map<String, BatchTarget> targets = new ConcurrentHashMap<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final Map<String, Failure> retrying = new ConcurrentHashMap<>();
    private final List<BatchUsageMeter> meters = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Line>> deferred = new LinkedHashMap<>();
    private volatile boolean dryPass;
    private int batchesSent;

    /**
     * @param maxAttempts how often a line is sent in a batch before its failure is final
     *     ({@link BatchTarget.Retry#NEXT_WAVE})
     * @param stats counts the batch engine's HTTP requests
     */
    public BatchSession(Limits limits, int maxAttempts, CallStats stats) {
        if (maxAttempts < 1) throw new IllegalArgumentException("at least one attempt, was " + maxAttempts);
        this.limits = limits;
        this.maxAttempts = maxAttempts;
        this.stats = stats;
    }

    void register(BatchTarget target) {
        targets.put(target.alias(), target);
    }

    void register(BatchUsageMeter meter) {
        meters.add(meter);
    }

    public boolean used() {
        return !targets.isEmpty();
    }

    /** Batches this session created (not those it resumed). */
    public synchronized int batchesSent() {
        return batchesSent;
    }

    Outcome outcome(String customId) {
        return outcomes.get(customId);
    }

    /** Whether the dry passes are running: the tokens of batch answers are counted in them only. */
    boolean inDryPass() {
        return dryPass;
    }

    synchronized void defer(String alias, Line line) {
        deferred.computeIfAbsent(alias, a -> new LinkedHashMap<>()).putIfAbsent(line.customId(), line);
    }

    /**
     * Answers a line that failed in a batch through the model's synchronous client, once: its answer
     * (or final error) is the line's outcome for the rest of the run. Null when the line waits for
     * no synchronous retry.
     */
    ChatResponse retrySynchronously(BatchTarget target, String customId, ChatRequest request) throws ModelException {
        Failure failure = retrying.remove(customId);
        if (failure == null) {
            Outcome outcome = outcomes.get(customId);
            if (outcome != null) return outcome.answer(); // another thread of this pass retried it
            return null;
        }
        Outcome outcome;
        try {
            outcome = new Outcome(target.sync().chat(request), null, false);
        } catch (ModelException e) {
            outcome = new Outcome(null, new ModelException(finalMessage(failure.batchId(), customId, failure.error())
                    + "; then synchronously: " + e.getMessage(), e), false);
        }
        outcomes.put(customId, outcome);
        return outcome.answer();
    }

    /**
     * Runs dry passes until every call of the batch models has its answer, sending each wave's calls
     * as batches; first waits for the batches a killed run left in the batch journal.
     *
     * @param runJournal the benchmark's run journal file; the batch journal goes beside it
     * @throws BatchFilesPending when a wave's files in file mode wait to be answered
     * @throws BatchFileException for an output file that cannot be read back
     */
    public void prefetch(Path runJournal, Pass pass, Progress progress) throws InterruptedException, IOException {
        BatchJournal journal = new BatchJournal(BatchJournal.besideRunJournal(runJournal));
        for (BatchJournal.Entry entry : journal.entries()) {
            BatchTarget target = targets.get(entry.alias());
            if (target == null || target.mode() != BatchTarget.Mode.API) continue; // no longer batched: its answers are not needed
            progress.report("batch " + entry.batchId() + " of " + entry.alias() + " (" + entry.customIds().size()
                    + " requests) left by an interrupted run: waiting for it");
            entry.customIds().forEach(id -> attempts.merge(id, 1, Integer::sum));
            collect(target, entry.batchId(), entry.customIds(), "resumed", progress);
        }
        try {
            for (int wave = 1; ; wave++) {
                synchronized (this) {
                    deferred.clear();
                }
                meters.forEach(BatchUsageMeter::reset);
                dryPass = true;
                pass.run();
                Map<String, Map<String, Line>> calls;
                synchronized (this) {
                    calls = new LinkedHashMap<>(deferred);
                    deferred.clear();
                }
                if (calls.isEmpty()) return; // the meters hold the tokens of this last pass: those of the whole run
                sendWave(wave, calls, journal, progress);
            }
        } finally {
            dryPass = false;
        }
    }

    private void sendWave(int wave, Map<String, Map<String, Line>> calls, BatchJournal journal, Progress progress)
            throws InterruptedException, IOException {
        int retries = 0;
        List<BatchJournal.Entry> sent = new ArrayList<>();
        List<AnsweredFile> answered = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (Map.Entry<String, Map<String, Line>> model : calls.entrySet()) {
            BatchTarget target = targets.get(model.getKey());
            for (Line line : model.getValue().values()) {
                if (retrying.remove(line.customId()) != null) retries++;
                attempts.merge(line.customId(), 1, Integer::sum);
            }
            if (target.mode() == BatchTarget.Mode.FILE) {
                // In the order of their ids: the dry passes collect calls in any order, and the next run
                // must name the wave's files as this one did.
                List<Line> lines = model.getValue().values().stream().sorted(Comparator.comparing(Line::customId)).toList();
                byte[] input = content(lines);
                BatchFiles files = BatchFiles.of(target.fileDir(), target.alias(), input);
                if (files.answered()) {
                    answered.add(new AnsweredFile(target, files, lines));
                } else {
                    files.writeInput(input);
                    commands.add("  " + files.command(target.modelName()));
                }
                continue;
            }
            for (List<Line> file : split(model.getValue().values())) sent.add(send(target, file, journal));
        }
        int requests = calls.values().stream().mapToInt(Map::size).sum();
        int batches = sent.size() + answered.size() + commands.size();
        progress.report("wave " + wave + ": " + requests + (requests == 1 ? " request" : " requests")
                + (retries == 0 ? "" : " (" + retries + " retried)") + " in " + batches + (batches == 1 ? " batch" : " batches")
                + (answered.isEmpty() ? "" : ", " + answered.size() + " of them batch files answered")
                + (commands.isEmpty() ? "" : ", " + commands.size() + " of them batch files written"));
        for (AnsweredFile file : answered) readFile(file.target(), file.files(), file.lines(), progress);
        int ended = 0;
        for (BatchJournal.Entry batch : sent) {
            if (batch.batchId() != null) {
                collect(targets.get(batch.alias()), batch.batchId(), batch.customIds(),
                        "wave " + wave + ", " + ended + " of " + sent.size() + " batches ended", progress);
            }
            ended++;
        }
        if (!commands.isEmpty()) {
            throw new BatchFilesPending("wave " + wave + " waits for " + (commands.size() == 1 ? "its batch file" : "its batch files")
                    + ": run " + (commands.size() == 1 ? "this" : "these") + " where the model is served, then start this run"
                    + " again to read the answers and go on:\n" + String.join("\n", commands));
        }
    }

    /** The batch journal beside a run journal goes once the run's results are written. */
    public static void delete(Path runJournal) throws IOException {
        new BatchJournal(BatchJournal.besideRunJournal(runJournal)).delete();
    }

    /** The lines in files within the limits, in order. */
    List<List<Line>> split(Iterable<Line> lines) {
        List<List<Line>> files = new ArrayList<>();
        List<Line> file = new ArrayList<>();
        long bytes = 0;
        for (Line line : lines) {
            if (!file.isEmpty() && (file.size() == limits.maxRequests() || bytes + line.bytes().length > limits.maxBytes())) {
                files.add(file);
                file = new ArrayList<>();
                bytes = 0;
            }
            file.add(line);
            bytes += line.bytes().length;
        }
        if (!file.isEmpty()) files.add(file);
        return files;
    }

    private static byte[] content(List<Line> lines) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (Line line : lines) file.writeBytes(line.bytes());
        return file.toByteArray();
    }

    /** Uploads and creates one batch, journaled at once; a request that cannot be sent has failed. */
    private BatchJournal.Entry send(BatchTarget target, List<Line> lines, BatchJournal journal) throws IOException {
        OpenAiBatchApi api = target.api();
        List<String> ids = lines.stream().map(Line::customId).toList();
        try {
            stats.batchRequest();
            String file = api.upload(content(lines));
            stats.batchRequest();
            OpenAiBatchApi.Batch batch = api.create(file);
            BatchJournal.Entry entry = new BatchJournal.Entry(target.alias(), batch.id(), ids);
            journal.append(entry);
            synchronized (this) {
                batchesSent++;
            }
            return entry;
        } catch (ModelException e) {
            for (String id : ids) failed(target, "(not created)", id, e);
            return new BatchJournal.Entry(target.alias(), null, ids);
        }
    }

    /** Polls a batch with backoff until it ends, then reads its output and error files into outcomes. */
    private void collect(BatchTarget target, String batchId, List<String> customIds, String where, Progress progress)
            throws InterruptedException {
        OpenAiBatchApi api = target.api();
        Duration wait = limits.firstPoll();
        int failedPolls = 0;
        OpenAiBatchApi.Batch batch = null;
        String reported = null;
        while (true) {
            try {
                stats.batchRequest();
                batch = api.retrieve(batchId);
                failedPolls = 0;
                String state = batch.status() + " (" + batch.completed() + " of " + batch.total() + " done, " + batch.failed() + " failed)";
                if (!state.equals(reported)) {
                    progress.report("batch " + batchId + " of " + target.alias() + ": " + state + "; " + where);
                    reported = state;
                }
            } catch (ModelException e) {
                if (++failedPolls == MOST_FAILED_POLLS) {
                    for (String id : customIds) failed(target, batchId, id, retryable("could not be polled: " + e.getMessage(), e));
                    return;
                }
            }
            if (batch != null && batch.ended()) break;
            Thread.sleep(wait.toMillis());
            wait = wait.multipliedBy(2).compareTo(limits.longestPoll()) > 0 ? limits.longestPoll() : wait.multipliedBy(2);
        }
        Set<String> answered = new HashSet<>();
        try {
            for (String file : new String[] {batch.outputFileId(), batch.errorFileId()}) {
                if (file == null) continue;
                stats.batchRequest();
                for (BatchOutput.Line line : new BatchOutput(file, batchId, batchId, Set.copyOf(customIds))
                        .lenient(Arrays.asList(api.content(file).split("\n")))) {
                    if (answered.add(line.customId())) outcome(target, batchId, line);
                }
            }
        } catch (ModelException e) {
            for (String id : customIds) {
                if (!answered.contains(id)) failed(target, batchId, id, retryable("its results could not be read: " + e.getMessage(), e));
            }
            return;
        }
        for (String id : customIds) {
            if (!answered.contains(id)) failed(target, batchId, id, unanswered(batch.status()));
        }
    }

    /** Reads a file mode wave's output file, checked, into outcomes. */
    private void readFile(BatchTarget target, BatchFiles files, List<Line> lines, Progress progress) throws IOException {
        Set<String> ids = new HashSet<>();
        lines.forEach(line -> ids.add(line.customId()));
        Set<String> answered = new HashSet<>();
        String batchId = files.output().getFileName().toString();
        int failed = 0;
        for (BatchOutput.Line line : files.read(ids)) {
            answered.add(line.customId());
            if (!outcome(target, batchId, line)) failed++;
        }
        for (String id : ids) {
            if (!answered.contains(id)) failed(target, batchId, id, retryable("the output file has no line for this request", null));
        }
        progress.report("batch file " + files.output() + " of " + target.alias() + ": " + answered.size() + " of "
                + ids.size() + " answered, " + (failed + ids.size() - answered.size()) + " failed");
    }

    private static ModelException unanswered(String how) {
        return retryable("the batch ended " + how + " without an answer to this request", null);
    }

    /** A failure of the batch, not of the request: sending the request again may well answer it. */
    private static ModelException retryable(String message, Throwable cause) {
        return new ModelException(message, cause) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean retryable() {
                return true;
            }
        };
    }

    /** Records one line's answer or failure; whether it was answered. */
    private boolean outcome(BatchTarget target, String batchId, BatchOutput.Line line) {
        if (line.status() == 200 && line.error() == null) {
            try {
                outcomes.put(line.customId(), new Outcome(target.api().answer(line.body()), null, true));
                return true;
            } catch (ModelException e) {
                failed(target, batchId, line.customId(), e);
                return false;
            }
        }
        JsonNode error = line.error();
        String message = error == null ? line.body().path("error").path("message").asText("no message")
                : error.isObject() ? error.path("message").asText(error.toString()) : error.asText();
        failed(target, batchId, line.customId(), new ModelHttpException("the batch engine",
                line.status() == 0 ? 500 : line.status(), target.api().redact(message)));
        return false;
    }

    /**
     * A line that failed in a batch: kept for a retry when its model retries and the error is one a
     * retry may fix, within the attempts; else its final outcome.
     */
    private void failed(BatchTarget target, String batchId, String customId, ModelException error) {
        if (outcomes.containsKey(customId)) return; // answered by another batch that held the same request
        boolean again = switch (target.retry()) {
            case NEXT_WAVE -> error.retryable() && attempts.getOrDefault(customId, 1) < maxAttempts;
            case SYNC -> error.retryable();
            case NONE -> false;
        };
        if (again) {
            retrying.put(customId, new Failure(batchId, error));
        } else {
            int tried = attempts.getOrDefault(customId, 1);
            outcomes.put(customId, new Outcome(null, new ModelException(finalMessage(batchId, customId, error)
                    + (tried > 1 ? " (the last of " + tried + " attempts in batches)" : ""), error), false));
        }
    }

    private static String finalMessage(String batchId, String customId, ModelException error) {
        return "batch " + batchId + ", line " + customId + ": " + error.getMessage();
    }
}
