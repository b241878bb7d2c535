package dev.interfeedback.model.openai;

import dev.interfeedback.model.http.ErrorMessages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelHttpException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server that echoes the request's {@code Authorization} header back, in every kind of bad
 * answer: the key, or any part of it long enough to matter, must appear in no message, cause,
 * {@code toString} or stack trace of the failure, nor in an answer.
 */
class KeyEchoTest {

    // Letters and digits only, so that Jackson quotes all of it as one unrecognized token.
    static final String KEY = "sk9proj7f3a9c1e5b2d8f04a6c0e2DoNotLeak77";
    private static final String AUTH = "Bearer " + KEY;

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private volatile Function<String, MockResponse> echo;

    KeyEchoTest() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return echo.apply(request.getHeaders().get("Authorization"));
            }
        });
    }

    static Stream<Named<Function<String, MockResponse>>> badAnswers() {
        return Stream.of(
                Named.of("200, not JSON", auth -> text(200, "you sent " + auth)),
                Named.of("200, not JSON, starting with the key", auth -> text(200, auth.substring(7) + " is what you sent")),
                Named.of("200, JSON without choices", auth -> json(200, "{\"echo\":\"" + auth + "\"}")),
                Named.of("200, an error object", auth -> json(200, "{\"error\":{\"message\":\"" + auth + "\"}}")),
                Named.of("200, choices not an array", auth -> json(200, "{\"choices\":\"" + auth + "\"}")),
                Named.of("200, content not a string", auth -> json(200,
                        "{\"choices\":[{\"message\":{\"content\":{\"auth\":\"" + auth + "\"}}}]}")),
                Named.of("200, the key as the finish reason", auth -> json(200,
                        "{\"choices\":[{\"message\":{\"content\":null},\"finish_reason\":\"" + auth + "\"}]}")),
                Named.of("200, the key escaped as the finish reason", auth -> json(200,
                        "{\"choices\":[{\"message\":{\"content\":null},\"finish_reason\":\"" + escaped(auth) + "\"}]}")),
                Named.of("200, truncated JSON", auth -> json(200, "{\"choices\":[{\"message\":{\"content\":\"" + auth)),
                Named.of("401, plain text", auth -> text(401, "bad credentials: " + auth)),
                Named.of("500, OpenAI error message", auth -> json(500, Fixtures.openAiError("no such key " + auth, "x"))),
                Named.of("500, error message with the key escaped", auth -> json(500,
                        "{\"error\":{\"message\":\"no such key " + escaped(auth) + "\"}}")),
                Named.of("500, FastAPI detail", auth -> json(500, "{\"detail\":[{\"msg\":\"" + auth + "\"}]}")),
                Named.of("503, the key as the reason phrase", auth -> new MockResponse.Builder()
                        .status("HTTP/1.1 503 " + auth).body("").build()),
                Named.of("429, the key as Retry-After", auth -> new MockResponse.Builder()
                        .code(429).addHeader("Retry-After", auth).body("slow down").build()),
                Named.of("an unreadable status line", auth -> new MockResponse.Builder()
                        .status("HTTP/1.1 2x0 " + auth).body("").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAnswers")
    void theKeyIsInNoPartOfTheFailure(Function<String, MockResponse> answer) throws Exception {
        echo = answer;

        ModelException e = catchThrowableOfType(ModelException.class, () -> model().chat(Fixtures.simpleRequest()));

        assertThat(e).as("the call fails").isNotNull();
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo(AUTH);
        assertNoPartOfTheKeyIn(Fixtures.everything(e));
    }

    static Stream<Integer> offsetsAroundTheTruncation() {
        return IntStream.rangeClosed(ErrorMessages.MAX_RAW_CHARS - KEY.length() - 2, ErrorMessages.MAX_RAW_CHARS + 1)
                .boxed();
    }

    @ParameterizedTest(name = "key at offset {0}")
    @MethodSource("offsetsAroundTheTruncation")
    void aKeyStraddlingTheTruncationOfARawBodyDoesNotLeakInPart(int offset) {
        echo = auth -> text(401, "x".repeat(offset - 7) + auth + " ".repeat(400) + "end");

        ModelHttpException e = catchThrowableOfType(ModelHttpException.class, () -> model().chat(Fixtures.simpleRequest()));

        assertThat(e.status()).isEqualTo(401);
        assertNoPartOfTheKeyIn(Fixtures.everything(e));
    }

    @Test
    void anAnswerThatEchoesTheKeyHasItRedacted() throws Exception {
        echo = auth -> Fixtures.completion("Your header was " + auth + ". Answer: B", 3, 4);

        ChatResponse response = model().chat(Fixtures.simpleRequest());

        assertThat(response.text()).isEqualTo("Your header was Bearer [redacted]. Answer: B");
    }

    @Test
    void partsOfTheKeyEchoedBackAreRedactedToo() {
        // A server that echoes the header cut short still sends most of the key.
        echo = auth -> text(401, "key " + auth.substring(7, 7 + 20) + "... is not valid");

        ModelHttpException e = catchThrowableOfType(ModelHttpException.class, () -> model().chat(Fixtures.simpleRequest()));

        assertThat(e.apiMessage()).isEqualTo("key [redacted]... is not valid");
    }

    private OpenAiCompatibleModel model() {
        return OpenAiCompatibleModel.create(Fixtures.settings(server).apiKeyEnv(Fixtures.KEY_ENV).build(),
                Map.of(Fixtures.KEY_ENV, KEY)::get);
    }

    /** Fails when the text holds the key or any part of it of 8 characters or more. */
    static void assertNoPartOfTheKeyIn(String text) {
        for (int i = 0; i + 8 <= KEY.length(); i++) {
            assertThat(text).as("holds no part of the key").doesNotContain(KEY.substring(i, i + 8));
        }
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) out.append(String.format("\\u%04x", (int) c));
        return out.toString();
    }

    private static MockResponse text(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "text/plain").body(body).build();
    }

    private static MockResponse json(int code, String body) {
        return Fixtures.json(code, body);
    }
}
