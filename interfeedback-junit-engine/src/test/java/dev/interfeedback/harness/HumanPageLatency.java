package dev.interfeedback.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.BenchmarkRunner;
import dev.interfeedback.config.DatasetSettings;
import dev.interfeedback.config.RunnerFactory;
import dev.interfeedback.config.Settings;
import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.episode.RoundListener;
import dev.interfeedback.human.HumanPages;
import dev.interfeedback.testing.HumanScripts;
import dev.interfeedback.testing.ScriptedChatServer;
import dev.interfeedback.testing.SyntheticDataset;
import dev.interfeedback.testing.TestSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * How long a person waits for the next task after a submit (a measurement, not a test): a human
 * session over a generated dataset against a scripted receiver that takes {@code --latency-ms}
 * per answer, and a simulated person who reads each task, "writes" for {@code --think-ms}, submits,
 * and asks for the next task exactly as the page does (submit, then state; then every 250 ms
 * while nothing waits). Prints the wait after every submit, over the whole session and once the
 * queue is primed (after the first task).
 *
 * <pre>HumanPageLatency --work DIR [--samples 40] [--latency-ms 2000] [--think-ms 1000] [--concurrency 4]</pre>
 */
public final class HumanPageLatency {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Harness.options(args);
        Path work = Path.of(options.getOrDefault("work", "target/human-latency"));
        int samples = Integer.parseInt(options.getOrDefault("samples", "40"));
        long latency = Long.parseLong(options.getOrDefault("latency-ms", "2000"));
        long think = Long.parseLong(options.getOrDefault("think-ms", "1000"));
        String concurrency = options.getOrDefault("concurrency", "4");
        Harness.deleteTree(work);
        Path data = SyntheticDataset.write(work.resolve("data"), samples);

        try (ScriptedChatServer receiver = new ScriptedChatServer(Duration.ofMillis(latency))) {
            Map<String, String> values = TestSettings.forServer(receiver.baseUrl(), null);
            values.put("interfeedback.model.weak.max-concurrency", concurrency);
            values.put("interfeedback.feedback", "human");
            values.put("interfeedback.human.page", "true");
            values.put("interfeedback.output.dir", work.resolve("out").toString());
            Settings settings = TestSettings.of(values);
            BenchmarkRunner runner = RunnerFactory.create(settings, System::getenv);
            Dataset dataset = new DatasetSettings(settings).load(data).dataset();
            long start = System.nanoTime();
            CompletableFuture<BenchmarkResult> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return runner.run("latency", dataset, RoundListener.NONE, e -> {});
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Person person = new Person(run);
            JsonNode task = person.firstTask();
            double primed = (System.nanoTime() - start) / 1e6;
            List<Double> waits = new ArrayList<>();
            List<Integer> emptyQueue = new ArrayList<>();
            while (task != null) {
                Thread.sleep(think);
                long submitted = System.nanoTime();
                person.submit(task);
                Person.Next next = person.next();
                task = next.task();
                // After the last submit there is no next task to show, only the run ending.
                if (task == null) break;
                waits.add((System.nanoTime() - submitted) / 1e6);
                if (next.waited()) emptyQueue.add(waits.size());
            }
            BenchmarkResult result = run.get();
            HumanPages.closeAll();
            System.out.printf(Locale.ROOT, "samples %d, receiver latency %d ms, think time %d ms, endpoint concurrency %s%n",
                    samples, latency, think, concurrency);
            System.out.printf(Locale.ROOT, "first task shown %.0f ms after the start (the round-0 answers of %d samples)%n",
                    primed, samples);
            System.out.printf(Locale.ROOT, "submits %d (expected %d); next task shown after each submit but the last: median %.1f ms, p95 %.1f ms,"
                    + " max %.1f ms; submits that found no task waiting: %d (numbers %s of %d)%n", waits.size() + 1, tasks(samples),
                    percentile(waits, 50), percentile(waits, 95), percentile(waits, 100), emptyQueue.size(), emptyQueue,
                    waits.size());
            System.out.println("per-round first corrections: " + result.metrics().perRound().stream()
                    .map(r -> String.valueOf(r.rate().successes())).toList());
        }
    }

    private static long tasks(int samples) {
        long tasks = 0;
        for (int i = 0; i < samples; i++) tasks += HumanScripts.firstRight("weak", "s" + i);
        return tasks;
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) return Double.NaN;
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }

    /** One annotator, through the page's own API. */
    private static final class Person {

        record Next(JsonNode task, boolean waited) {}

        private final OkHttpClient http = new OkHttpClient();
        private final CompletableFuture<?> run;
        private URI url;

        Person(CompletableFuture<?> run) {
            this.run = run;
        }

        JsonNode firstTask() throws Exception {
            while (HumanPages.urls().isEmpty()) {
                if (run.isDone()) return null;
                Thread.sleep(20);
            }
            url = HumanPages.urls().get(0);
            return next().task();
        }

        void submit(JsonNode task) throws Exception {
            int round = task.path("round").asInt();
            String text = round == 3 ? task.path("text").asText() : HumanScripts.text(task.path("sampleId").asText(), round);
            String body = JSON.createObjectNode().put("task", task.path("id").asText()).put("annotator", "bench")
                    .put("text", text).toString();
            try (Response response = http.newCall(new Request.Builder().url(url.resolve("/api/submit") + "?" + url.getQuery())
                    .header("X-InterFeedback", "1").post(RequestBody.create(body, JSON_TYPE)).build()).execute()) {
                if (response.code() != 200) throw new IllegalStateException("submit: HTTP " + response.code() + " " + response.body().string());
            }
        }

        /** The next task, asked for at once and then every 250 ms, as the page does; null when the session is over. */
        Next next() throws Exception {
            boolean waited = false;
            while (true) {
                try (Response response = http.newCall(new Request.Builder()
                        .url(url.resolve("/api/state") + "?" + url.getQuery() + "&annotator=bench").build()).execute()) {
                    JsonNode task = JSON.readTree(response.body().string()).path("task");
                    if (!task.isNull()) return new Next(task, waited);
                }
                if (run.isDone()) return new Next(null, waited);
                waited = true;
                Thread.sleep(250);
            }
        }
    }
}
