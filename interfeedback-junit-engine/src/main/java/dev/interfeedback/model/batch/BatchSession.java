package dev.interfeedback.model.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelHttpException;
import dev.interfeedback.model.openai.OpenAiBatchApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends the calls of the models with {@code batch=true} through the OpenAI Batch API, in waves.
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
 * <p>A request that a batch answers with an error, or leaves unanswered (an expired or failed
 * batch), is an error for its sample in the real run, never a wrong answer; it is not cached, so
 * a later run asks again. Batch ids are journaled ({@link BatchJournal}) as soon as they exist.
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

    /** What a batch brought for one request: an answer, or why there is none. */
    record Outcome(ChatResponse response, ModelException error) {
        ChatResponse answer() throws ModelException {
            if (error != null) throw error;
            return response;
        }
    }

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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MOST_FAILED_POLLS = 5;

    private final Limits limits;
    private final Map<String, OpenAiBatchApi> apis = new ConcurrentHashMap<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Line>> deferred = new LinkedHashMap<>();
    private int batchesSent;

    public BatchSession(Limits limits) {
        this.limits = limits;
    }

    void register(String alias, OpenAiBatchApi api) {
        apis.put(alias, api);
    }

    public boolean used() {
        return !apis.isEmpty();
    }

    /** Batches this session created (not those it resumed). */
    public synchronized int batchesSent() {
        return batchesSent;
    }

    Outcome outcome(String customId) {
        return outcomes.get(customId);
    }

    synchronized void defer(String alias, Line line) {
        deferred.computeIfAbsent(alias, a -> new LinkedHashMap<>()).putIfAbsent(line.customId(), line);
    }

    /**
     * Runs dry passes until every call of the batch models has its answer, sending each wave's calls
     * as batches; first waits for the batches a killed run left in {@code journalFile}.
     *
     * @param runJournal the benchmark's run journal file; the batch journal goes beside it
     */
    public void prefetch(Path runJournal, Pass pass, Progress progress) throws InterruptedException, IOException {
        BatchJournal journal = new BatchJournal(BatchJournal.besideRunJournal(runJournal));
        for (BatchJournal.Entry entry : journal.entries()) {
            OpenAiBatchApi api = apis.get(entry.alias());
            if (api == null) continue; // a batch of a model that is no longer batched: its answers are not needed
            progress.report("batch " + entry.batchId() + " of " + entry.alias() + " (" + entry.customIds().size()
                    + " requests) left by an interrupted run: waiting for it");
            collect(api, entry.batchId(), entry.customIds());
        }
        for (int wave = 1; ; wave++) {
            synchronized (this) {
                deferred.clear();
            }
            pass.run();
            Map<String, Map<String, Line>> calls;
            synchronized (this) {
                calls = new LinkedHashMap<>(deferred);
                deferred.clear();
            }
            if (calls.isEmpty()) return;
            List<BatchJournal.Entry> sent = new ArrayList<>();
            for (Map.Entry<String, Map<String, Line>> model : calls.entrySet()) {
                for (List<Line> file : split(model.getValue().values())) {
                    sent.add(send(model.getKey(), file, journal));
                }
            }
            int requests = calls.values().stream().mapToInt(Map::size).sum();
            progress.report("wave " + wave + ": " + requests + (requests == 1 ? " request in " : " requests in ")
                    + sent.size() + (sent.size() == 1 ? " batch" : " batches"));
            for (BatchJournal.Entry batch : sent) {
                if (batch.batchId() != null) collect(apis.get(batch.alias()), batch.batchId(), batch.customIds());
            }
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

    /** Uploads and creates one batch, journaled at once; a request that cannot be sent is an error outcome. */
    private BatchJournal.Entry send(String alias, List<Line> lines, BatchJournal journal) throws IOException {
        OpenAiBatchApi api = apis.get(alias);
        List<String> ids = lines.stream().map(Line::customId).toList();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (Line line : lines) file.writeBytes(line.bytes());
        try {
            OpenAiBatchApi.Batch batch = api.create(api.upload(file.toByteArray()));
            BatchJournal.Entry entry = new BatchJournal.Entry(alias, batch.id(), ids);
            journal.append(entry);
            synchronized (this) {
                batchesSent++;
            }
            return entry;
        } catch (ModelException e) {
            for (String id : ids) outcomes.put(id, new Outcome(null, e));
            return new BatchJournal.Entry(alias, null, ids);
        }
    }

    /** Polls a batch with backoff until it ends, then reads its output and error files into outcomes. */
    private void collect(OpenAiBatchApi api, String batchId, List<String> customIds) throws InterruptedException {
        Duration wait = limits.firstPoll();
        int failedPolls = 0;
        OpenAiBatchApi.Batch batch = null;
        while (batch == null || !batch.ended()) {
            try {
                batch = api.retrieve(batchId);
                failedPolls = 0;
            } catch (ModelException e) {
                if (++failedPolls == MOST_FAILED_POLLS) {
                    fail(customIds, new ModelException("batch " + batchId + " could not be polled: " + e.getMessage(), e));
                    return;
                }
            }
            if (batch != null && batch.ended()) break;
            Thread.sleep(wait.toMillis());
            wait = wait.multipliedBy(2).compareTo(limits.longestPoll()) > 0 ? limits.longestPoll() : wait.multipliedBy(2);
        }
        try {
            if (batch.outputFileId() != null) read(api, batchId, api.content(batch.outputFileId()));
            if (batch.errorFileId() != null) read(api, batchId, api.content(batch.errorFileId()));
        } catch (ModelException e) {
            fail(customIds, new ModelException("the results of batch " + batchId + " could not be read: " + e.getMessage(), e));
            return;
        }
        Set<String> unanswered = new HashSet<>(customIds);
        unanswered.removeAll(outcomes.keySet());
        fail(unanswered, new ModelException("batch " + batchId + " ended " + batch.status() + " without an answer to this request"));
    }

    private void fail(Iterable<String> customIds, ModelException error) {
        for (String id : customIds) outcomes.putIfAbsent(id, new Outcome(null, error));
    }

    /** Reads an output or error file: one line per request, answered or failed. */
    private void read(OpenAiBatchApi api, String batchId, String jsonl) {
        for (String text : jsonl.split("\n")) {
            if (text.isBlank()) continue;
            JsonNode line;
            try {
                line = JSON.readTree(text);
            } catch (IOException e) {
                continue; // the request it was for has no outcome, and fails below as unanswered
            }
            String id = line.path("custom_id").asText();
            JsonNode response = line.path("response");
            JsonNode error = line.path("error");
            int status = response.path("status_code").asInt(0);
            if (status == 200 && (error.isMissingNode() || error.isNull())) {
                try {
                    outcomes.put(id, new Outcome(api.answer(response.path("body")), null));
                } catch (ModelException e) {
                    outcomes.put(id, new Outcome(null, e));
                }
            } else {
                String message = error.isObject() ? error.path("message").asText(error.toString())
                        : response.path("body").path("error").path("message").asText("no message");
                outcomes.put(id, new Outcome(null, new ModelHttpException("batch " + batchId + " line " + id,
                        status == 0 ? 500 : status, api.redact(message))));
            }
        }
    }
}
