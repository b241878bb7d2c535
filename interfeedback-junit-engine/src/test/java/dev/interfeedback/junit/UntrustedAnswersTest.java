package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.junit.fixtures.UntrustedAnswersBenchmark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.console.ConsoleLauncher;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventType;

/**
 * Model output is data: an empty answer is a wrong answer, and whatever an answer holds (terminal
 * escapes, NUL, an unpaired surrogate, line separators) neither breaks a sample nor reaches a
 * terminal, a transcript or a line of JSON raw.
 */
class UntrustedAnswersTest {

    /** What the receiver answers, by the marker in the question; the provider always answers A. */
    static final Map<String, String> ANSWERS = Map.of(
            "Q-empty", "",
            "Q-blank", "  \n",
            "Q-surrogate", "\uD800abc\nAnswer: A",
            "Q-escape", "\u001b[2J\u001b[1;1Hall tests passed\r\u0000",
            "Q-separators", "one\u2028two\u2029three\u0085four\nAnswer: A");

    /** Raw characters that act on a terminal or split a line. */
    static final Pattern RAW = Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f\\x85\\u2028\\u2029]|[\\ud800-\\udfff]");

    @TempDir
    Path output;

    MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().utf8();
                String content = body.contains("provider-model") ? "Answer: A"
                        : ANSWERS.entrySet().stream().filter(e -> body.contains(e.getKey())).findFirst()
                                .map(Map.Entry::getValue).orElseThrow();
                return completion(content);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anEmptyAnswerIsAWrongAnswerShownAsSuch() throws Exception {
        EngineExecutionResults results = run();

        assertThat(LoopbackEngineTest.finished(results, "u-empty").getStatus().name()).isEqualTo("FAILED");
        assertThat(LoopbackEngineTest.finished(results, "u-blank").getStatus().name()).isEqualTo("FAILED");
        assertThat(Tally.rounds(results, "u-blank")).containsExactly("round 0: answered (empty answer) (wrong)",
                "round 1: answered (empty answer) (wrong) after \"Your previous answer is incorrect. Please reconsider and answer again.\"");
        assertThat(LoopbackEngineTest.throwable(results, "u-empty"))
                .hasMessageContaining("answered round 0: (empty answer), round 1: (empty answer); ground truth: A");
        assertThat(episode("u-blank").get("status").asText()).isEqualTo("NOT_CORRECTED");
        assertThat(Tally.transcript(results, "u-empty"))
                .contains("extracted: (empty answer) (wrong)");
    }

    @Test
    void anUnpairedSurrogateNeitherFailsTheSampleNorItsFiles() throws Exception {
        EngineExecutionResults results = run();

        assertThat(LoopbackEngineTest.finished(results, "u-surrogate").getStatus().name()).isEqualTo("SUCCESSFUL");
        assertThat(Tally.transcript(results, "u-surrogate"))
                .contains("\\ud800abc\nAnswer: A");
        assertThat(episode("u-surrogate").get("rounds").get(0).get("answer").asText()).endsWith("abc\nAnswer: A");
    }

    @Test
    void terminalEscapesAndNulAreShownEscapedInTheTreeAndTranscripts() throws Exception {
        EngineExecutionResults results = run();

        List<String> shown = new ArrayList<>();
        results.allEvents().stream().forEach(e -> {
            shown.add(e.getTestDescriptor().getDisplayName());
            e.getPayload(ReportEntry.class).ifPresent(entry -> shown.addAll(entry.getKeyValuePairs().values()));
            e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .flatMap(r -> r.getThrowable()).ifPresent(t -> shown.add(t.getMessage()));
            e.getPayload(String.class).ifPresent(shown::add);
        });
        assertThat(shown).noneMatch(text -> RAW.matcher(text).find());
        assertThat(shown).contains("u-escape [colours\\u001b[31m]");
        assertThat(Tally.rounds(results, "u-escape")).first().asString()
                .isEqualTo("round 0: answered (no answer found in \"\\u001b[2J\\u001b[1;1Hall tests passed\\r\\u0000\") (wrong)");
        try (var transcripts = Files.walk(output.resolve("transcripts"))) {
            for (Path file : transcripts.filter(Files::isRegularFile).toList()) {
                assertThat(RAW.matcher(Files.readString(file)).find()).as(file.toString()).isFalse();
            }
        }
        assertThat(Tally.transcript(results, "u-escape"))
                .contains("\\u001b[2J\\u001b[1;1Hall tests passed\\r\\u0000");
    }

    @Test
    void theConsoleLauncherTreeShowsNoRawControlCharacters() {
        List<String> args = new ArrayList<>(List.of("execute", "--disable-banner", "--disable-ansi-colors",
                "--details=tree", "--include-engine=interfeedback", "--select-class=" + UntrustedAnswersBenchmark.class.getName()));
        parameters().forEach((key, value) -> args.add("--config=" + key + "=" + value));
        StringWriter out = new StringWriter(), err = new StringWriter();

        ConsoleLauncher.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));

        assertThat(out.toString()).contains("all tests passed\\r\\u0000").contains("(empty answer)");
        assertThat(RAW.matcher(out.toString()).find()).as(out.toString()).isFalse();
    }

    @Test
    void lineAndParagraphSeparatorsAreEscapedInJsonLinesThatStillReadBack() throws Exception {
        run();

        byte[] bytes = Files.readAllBytes(output.resolve("episodes.jsonl"));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\u2028").doesNotContain("\u2029").doesNotContain("\u0085")
                .contains("one\\u2028two\\u2029three\\u0085four");
        assertThat(text.split("\n")).hasSize(ANSWERS.size());
        assertThat(episode("u-separators").get("rounds").get(0).get("answer").asText())
                .isEqualTo("one\u2028two\u2029three\u0085four\nAnswer: A");
    }

    private JsonNode episode(String sampleId) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(output.resolve("episodes.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode node = json.readTree(line);
            if (node.get("sampleId").asText().equals(sampleId)) return node;
        }
        throw new AssertionError("no episode of " + sampleId);
    }

    private EngineExecutionResults run() {
        EngineExecutionResults results = EngineTestKit.engine(new InterFeedbackTestEngine())
                .selectors(selectClass(UntrustedAnswersBenchmark.class))
                .configurationParameters(parameters())
                .execute();
        assertThat(results.allEvents().stream().filter(e -> e.getType() == EventType.FINISHED)
                .map(e -> e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getStatus().name()))
                .as("no sample aborted and no container failed").doesNotContain("ABORTED");
        return results;
    }

    private Map<String, String> parameters() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("interfeedback.model.scripted-receiver.url", server.url("/receiver/v1").toString());
        parameters.put("interfeedback.model.scripted-receiver.name", "receiver-model");
        parameters.put("interfeedback.model.scripted-provider.url", server.url("/provider/v1").toString());
        parameters.put("interfeedback.model.scripted-provider.name", "provider-model");
        parameters.put("interfeedback.output.dir", output.toString());
        return parameters;
    }

    private static MockResponse completion(String content) {
        String body = "{\"id\":\"chatcmpl-scripted\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                + "\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"" + json(content) + "\"}}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}";
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** JSON string escaping by hand: every char as written, an unpaired surrogate included. */
    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.toString();
    }
}
