package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.junit.fixtures.LoopbackBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * A whole run against a server that echoes the {@code Authorization} header into every kind of
 * answer, good and bad: no file of the run and nothing reported to JUnit holds the key.
 */
class KeyEchoEngineTest {

    private static final String KEY_ENV = "IF_ECHO_TEST_KEY";
    private static final String KEY = "sk9proj7f3a9c1e5b2d8f04a6c0e2DoNotLeak77";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path output;

    @StartStop
    private final MockWebServer server = new MockWebServer();

    KeyEchoEngineTest() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request.getBody().utf8(), request.getHeaders().get("Authorization"));
            }
        });
    }

    // Each sample of loopback.jsonl meets another echo; the provider is right and echoes in its feedback.
    private static MockResponse answer(String body, String auth) {
        if (body.contains("\"provider-model\"")) {
            return completion(body.contains("careful teacher") ? "Look again; you sent " + auth : "Answer: A");
        }
        if (body.contains("Q-right")) return completion("You sent " + auth + ". Answer: A");
        if (body.contains("Q-fix")) return plain(200, "you sent " + auth);
        if (body.contains("Q-never")) return json(200, JSON.createObjectNode().put("echo", auth));
        if (body.contains("Q-excluded")) return plain(401, "x".repeat(290) + auth + " ".repeat(50));
        if (body.contains("Q-late")) {
            ObjectNode error = JSON.createObjectNode();
            error.putObject("error").put("message", "no such key: " + auth);
            return json(500, error);
        }
        return new MockResponse.Builder().status("HTTP/1.1 2x0 " + auth).body("").build();
    }

    @Test
    void noFileOfTheRunAndNothingReportedHoldsTheKey() throws IOException {
        EngineExecutionResults results = EngineTestKit.engine(new InterFeedbackTestEngine(Map.of(KEY_ENV, KEY)::get))
                .selectors(selectClass(LoopbackBenchmark.class))
                .configurationParameters(parameters())
                .execute();

        assertThat(server.getRequestCount()).isPositive();
        assertThat(output.resolve("episodes.jsonl")).isNotEmptyFile();
        assertThat(output.resolve("transcripts")).isNotEmptyDirectory();
        assertThat(Files.readString(output.resolve("episodes.jsonl"))).contains("[redacted]");
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertNoPartOfTheKeyIn(file + ":\n" + Files.readString(file));
            }
        }
        assertNoPartOfTheKeyIn(reported(results));
    }

    /** What JUnit heard: every failure with its causes and stack traces, and every report entry. */
    private static String reported(EngineExecutionResults results) {
        StringBuilder all = new StringBuilder();
        for (Event event : results.allEvents().list()) {
            event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).ifPresent(e -> {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                all.append(trace).append('\n');
            });
            event.getPayload(ReportEntry.class).ifPresent(entry -> all.append(entry.getKeyValuePairs()).append('\n'));
            event.getPayload(String.class).ifPresent(reason -> all.append(reason).append('\n'));
            all.append(event.getTestDescriptor().getDisplayName()).append('\n');
        }
        return all.toString();
    }

    private static void assertNoPartOfTheKeyIn(String text) {
        for (int i = 0; i + 8 <= KEY.length(); i++) {
            assertThat(text).as("holds no part of the key").doesNotContain(KEY.substring(i, i + 8));
        }
    }

    private Map<String, String> parameters() {
        Map<String, String> parameters = new HashMap<>();
        for (String role : List.of("receiver", "provider")) {
            String alias = "scripted-" + role;
            parameters.put("interfeedback.model." + alias + ".url", server.url("/" + role + "/v1").toString());
            parameters.put("interfeedback.model." + alias + ".name", role + "-model");
            parameters.put("interfeedback.model." + alias + ".api-key-env", KEY_ENV);
        }
        parameters.put("interfeedback.output.dir", output.toString());
        parameters.put("interfeedback.retry.max-attempts", "2");
        parameters.put("interfeedback.retry.initial-backoff-ms", "1");
        parameters.put("interfeedback.retry.max-backoff-ms", "5");
        return parameters;
    }

    private static MockResponse completion(String content) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("choices").addObject().putObject("message").put("role", "assistant").put("content", content);
        return json(200, body);
    }

    private static MockResponse json(int code, ObjectNode body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(body.toString()).build();
    }

    private static MockResponse plain(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "text/plain").body(body).build();
    }
}
