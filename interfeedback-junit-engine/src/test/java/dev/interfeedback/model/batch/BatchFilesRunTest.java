package dev.interfeedback.model.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.testing.CliRuns;
import dev.interfeedback.testing.CliRuns.Run;
import dev.interfeedback.testing.KilledRuns;
import dev.interfeedback.testing.LoopbackChat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * File mode: a run writes each wave's batch input file and stops with the {@code vllm run-batch}
 * command; the test plays vLLM (each line answered by the scripted chat server, written in
 * vLLM's output format), and the next run reads the output back and goes on to the next wave.
 */
class BatchFilesRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final LoopbackChat loopback = new LoopbackChat().withDataset(() -> dir.resolve("data"), 20);

    private Path files;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        files = dir.resolve("batch-files");
    }

    @Test
    void eachRunWritesAWaveForVllmAndTheNextReadsItsAnswersUntilTheResultsEqualASynchronousRun() throws Exception {
        Path sync = dir.resolve("sync");
        CliRuns.run(settings(sync, false)).succeeded();
        long syncRequests = loopback.server().requests();

        Path batched = dir.resolve("batched");
        Path settings = settings(batched, true);
        Run first = CliRuns.run(settings);
        assertThat(first.exit()).isEqualTo(4);
        List<Path> inputs = inputs();
        assertThat(inputs).hasSize(2); // round 0 of both models
        for (Path input : inputs) {
            Path output = output(input);
            String model = input.getFileName().toString().startsWith("weak-") ? "weak" : "strong";
            assertThat(first.err()).contains("vllm run-batch -i " + input.toAbsolutePath() + " -o " + output.toAbsolutePath()
                    + " --model " + model);
            assertThat(Files.readAllLines(input)).as("one request per sample").hasSize(20);
            for (String line : Files.readAllLines(input)) {
                JsonNode request = JSON.readTree(line);
                assertThat(request.path("method").asText()).isEqualTo("POST");
                assertThat(request.path("url").asText()).isEqualTo("/v1/chat/completions");
                assertThat(request.path("body").path("model").asText()).isEqualTo(model);
            }
        }
        assertThat(batched.resolve("results.json")).doesNotExist();

        int runs = 1;
        Run last = first;
        while (last.exit() == 4) {
            playVllm();
            last = CliRuns.run(settings);
            assertThat(++runs).as("runs until every wave is answered").isLessThan(10);
        }
        last.succeeded();
        assertThat(last.out()).containsPattern("batch file \\S+\\.output\\.jsonl of (weak|strong): (\\d+) of \\2 answered, 0 failed");
        // Every call went through the batch files, so all tokens are billed at the batch discount.
        JsonNode results = JSON.readTree(batched.resolve("results.json").toFile()).path("benchmarks").get(0);
        for (String role : List.of("receiver", "provider")) {
            assertThat(results.path(role).path("batch").path("tokens")).isEqualTo(results.path(role).path("tokens"));
        }
        // Round 0, then three rounds of feedback and answer: at most seven waves, one run each and a last one.
        assertThat(runs).isBetween(3, 8);
        assertThat(KilledRuns.resultsBesideBatches(batched.resolve("results.json")))
                .isEqualTo(KilledRuns.resultsBesideBatches(sync.resolve("results.json")));
        assertThat(KilledRuns.sortedLines(batched.resolve("episodes.jsonl"))).isEqualTo(KilledRuns.sortedLines(sync.resolve("episodes.jsonl")));
        // The files answered every call: the run itself sent none.
        assertThat(loopback.server().requests()).isEqualTo(2 * syncRequests);

        // The answers filled the response cache under the synchronous path's keys.
        long before = loopback.server().requests();
        CliRuns.run(settings(batched, false)).succeeded();
        assertThat(loopback.server().requests()).isEqualTo(before);
    }

    @Test
    void aMalformedOutputFileIsRefusedNamingItsLineAndField() throws Exception {
        Path settings = settings(dir.resolve("batched"), true);
        assertThat(CliRuns.run(settings).exit()).isEqualTo(4);
        Path input = inputs().get(0);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(input)) lines.add(answer(JSON.readTree(line)).toString());
        ObjectNode broken = (ObjectNode) JSON.readTree(lines.get(1));
        ((ObjectNode) broken.get("response")).put("status_code", "two hundred");
        lines.set(1, broken.toString());
        Files.write(output(input), lines);

        Run refused = CliRuns.run(settings);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("batch output file " + output(input) + " line 2, field \"response.status_code\":"
                + " expected the HTTP status, a whole number, found \"two hundred\"");
    }

    @Test
    void anOutputFileOfAnotherInputIsRefused() throws Exception {
        Path settings = settings(dir.resolve("batched"), true);
        assertThat(CliRuns.run(settings).exit()).isEqualTo(4);
        Path input = inputs().get(0);
        ObjectNode foreign = answer(JSON.readTree(Files.readAllLines(input).get(0)));
        foreign.put("custom_id", "request-1");
        Files.writeString(output(input), foreign + "\n");

        Run refused = CliRuns.run(settings);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("batch output file " + output(input) + " line 1, field \"custom_id\": expected the"
                + " custom id of a request of " + input.getFileName() + " (is this the output of another input file?), found \"request-1\"");
    }

    /** Answers every input file that has no output yet, as {@code vllm run-batch} does. */
    private void playVllm() throws Exception {
        for (Path input : inputs()) {
            if (Files.exists(output(input))) continue;
            StringBuilder out = new StringBuilder();
            for (String line : Files.readAllLines(input)) out.append(answer(JSON.readTree(line))).append('\n');
            Files.writeString(output(input), out);
        }
    }

    /** One output line in vLLM's format: {@code id}, {@code custom_id}, {@code response} and a null {@code error}. */
    private ObjectNode answer(JsonNode request) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(loopback.server().baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.path("body").toString())).build(), HttpResponse.BodyHandlers.ofString());
        ObjectNode line = JSON.createObjectNode().put("id", "vllm-" + request.path("custom_id").asText().substring(0, 8))
                .put("custom_id", request.path("custom_id").asText());
        line.putObject("response").put("status_code", answer.statusCode()).put("request_id", "vllm-batch-1")
                .set("body", JSON.readTree(answer.body()));
        line.putNull("error");
        return line;
    }

    private List<Path> inputs() throws IOException {
        try (Stream<Path> list = Files.list(files)) {
            return list.filter(p -> p.toString().endsWith(".input.jsonl")).sorted().toList();
        }
    }

    private static Path output(Path input) {
        return input.resolveSibling(input.getFileName().toString().replace(".input.jsonl", ".output.jsonl"));
    }

    private Path settings(Path out, boolean batched) throws IOException {
        List<String> eachModel = batched ? List.of("batch=file", "batch.dir=" + files) : List.of();
        return CliRuns.settings(dir, loopback.dataset(), out, loopback.server().baseUrl(), eachModel, List.of());
    }
}
