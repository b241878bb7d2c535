package dev.interfeedback.cli;

import static dev.interfeedback.testing.ChatCompletions.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line runner's figures against models scripted per sample on a loopback server, so
 * that every count and rate is known by hand (ground truth A everywhere, binary feedback, two rounds):
 *
 * <pre>
 *        receiver (round 0, later)   provider   so
 *   q1   A                           A          right at round 0
 *   q2   B, then A                   A          corrected at round 1
 *   q3   B, B, B                     A          not corrected
 *   q4   C                           D          outside the test set
 *   q5   HTTP 400                    HTTP 400   error
 * </pre>
 *
 * accuracy 1/4, correction rate 1/2 (rate_1 1/2, rate_2 0/2), provider accuracy 3/4, error rate
 * 1/5. Intervals are Wilson 95%, computed outside Java.
 */
class CommandLineFiguresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SAMPLE = Pattern.compile("\\[(q\\d)]");
    private static final Map<String, String> RECEIVER_ROUND_ZERO = Map.of("q1", "A", "q2", "B", "q3", "B", "q4", "C");
    private static final Map<String, String> RECEIVER_LATER = Map.of("q2", "A", "q3", "B");
    private static final Map<String, String> PROVIDER = Map.of("q1", "A", "q2", "A", "q3", "A", "q4", "D");

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path project;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void script() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                JsonNode body = read(request.getBody().utf8());
                Matcher sample = SAMPLE.matcher(body.path("messages").toString());
                String id = sample.find() ? sample.group(1) : "";
                int answers = 0;
                for (JsonNode message : body.path("messages")) {
                    if (message.path("role").asText().equals("assistant")) answers++;
                }
                Map<String, String> script = body.path("model").asText().equals("p-model") ? PROVIDER
                        : answers == 0 ? RECEIVER_ROUND_ZERO : RECEIVER_LATER;
                String letter = script.get(id);
                return letter == null
                        ? new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"scripted\"}}").build()
                        : completion("Answer: " + letter);
            }
        });
    }

    @Test
    void commaSeparatedDatasetsRelativeToThePropertiesFileGiveTheFiguresCountedByHand() throws Exception {
        Files.createDirectories(project.resolve("data"));
        writeDataset(project.resolve("data/first.jsonl"));
        writeDataset(project.resolve("data/second.jsonl"));
        Path properties = Files.writeString(project.resolve("run.properties"), String.join("\n",
                "interfeedback.dataset=data/first.jsonl, data/second.jsonl",
                "interfeedback.output.dir=out",
                "interfeedback.feedback=binary",
                "interfeedback.rounds=2",
                "interfeedback.cache.enabled=false",
                // One scripted error in five samples: within this share, so the exit code stays 0.
                "interfeedback.max-error-rate=20%",
                "interfeedback.receiver=r",
                "interfeedback.provider=p",
                "interfeedback.model.r.url=" + server.url("/v1"),
                "interfeedback.model.r.name=r-model",
                "interfeedback.model.p.url=" + server.url("/v1"),
                "interfeedback.model.p.name=p-model"));

        int exit = new InterFeedbackCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), name -> null).run(new String[] {properties.toString()});

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode benchmarks = JSON.readTree(project.resolve("out/results.json").toFile()).path("benchmarks");
        assertThat(benchmarks).extracting(b -> b.path("id").asText()).containsExactly("first", "second");
        for (JsonNode benchmark : benchmarks) {
            JsonNode counts = benchmark.path("counts");
            assertThat(counts.toString()).isEqualTo("{\"samples\":5,\"correctAtRound0\":1,\"wrongAtRound0\":3,"
                    + "\"errorsAtRound0\":1,\"excluded\":1,\"testSet\":2,\"errorsAfterRound0\":0,\"corrected\":1,"
                    + "\"notCorrected\":1,\"errors\":1}");
            assertRate(benchmark.path("accuracy"), 0.25, 0.045587260809700575, 0.6993581574175981);
            assertRate(benchmark.path("correctionRate"), 0.5, 0.09453120573423071, 0.9054687942657693);
            assertRate(benchmark.path("providerAccuracy"), 0.75, 0.3006418425824019, 0.9544127391902995);
            assertRate(benchmark.path("errorRate"), 0.2, 0.03622410863243013, 0.6244653702374747);
            assertThat(benchmark.path("perRound")).extracting(r -> r.path("corrected").asInt(), r -> r.path("rate").asDouble())
                    .containsExactly(tuple(1, 0.5), tuple(0, 0.0));
        }
        assertThat(Files.readAllLines(project.resolve("out/episodes.jsonl"))).hasSize(10);
    }

    private static void assertRate(JsonNode rate, double value, double low, double high) {
        assertThat(rate.path("value").asDouble()).isEqualTo(value);
        assertThat(rate.path("low").asDouble()).isCloseTo(low, within(1e-12));
        assertThat(rate.path("high").asDouble()).isCloseTo(high, within(1e-12));
    }

    private static void writeDataset(Path file) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            ObjectNode row = JSON.createObjectNode();
            row.put("id", "q" + i);
            row.put("question", "[q" + i + "] Which option is right?");
            row.putArray("options").add("w").add("x").add("y").add("z");
            row.put("answer", "A");
            row.put("category", "c");
            lines.append(row).append('\n');
        }
        Files.writeString(file, lines);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
