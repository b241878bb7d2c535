package dev.interfeedback.model.openai;

import dev.interfeedback.model.http.ErrorMessages;
import static dev.interfeedback.model.openai.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelHttpException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Non-2xx statuses, timeouts and dead servers: each a {@link ModelException}, never an answer. */
class HttpFailureTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "400, invalid_request_error, Invalid value for 'max_tokens', false",
        "401, invalid_request_error, Incorrect API key provided, false",
        "429, rate_limit_exceeded, Rate limit reached for requests, true",
        "500, server_error, The server had an error while processing your request, true",
    })
    void anOpenAiErrorBodyBecomesAnHttpExceptionWithTheApisMessage(
            int status, String type, String message, boolean retryable) {
        server.enqueue(json(status, Fixtures.openAiError(message, type)));

        ModelHttpException e = call();

        assertThat(e.status()).isEqualTo(status);
        assertThat(e.apiMessage()).isEqualTo(message);
        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).contains("HTTP " + status).contains("/v1/chat/completions").contains(message);
    }

    @Test
    void aNonJsonGatewayPageBecomesATruncatedRawMessage() {
        String page = "<html><body><h1>502 Bad Gateway</h1>" + "x".repeat(5000) + "</body></html>";
        server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html").body(page).build());

        ModelHttpException e = call();

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.retryable()).isTrue();
        assertThat(e.apiMessage()).startsWith("<html><body><h1>502 Bad Gateway</h1>");
        assertThat(e.apiMessage().length()).isLessThan(ErrorMessages.MAX_RAW_CHARS + 50);
    }

    @Test
    void otherServersErrorShapesAreUnderstood() {
        server.enqueue(json(404, """
                {"error":"model 'llava:13b' not found, try pulling it first"}"""));
        server.enqueue(json(400, """
                {"object":"error","message":"This model's maximum context length is 4096 tokens","code":400}"""));
        server.enqueue(json(422, """
                {"detail":"Field required: messages"}"""));

        assertThat(call().apiMessage()).isEqualTo("model 'llava:13b' not found, try pulling it first");
        assertThat(call().apiMessage()).isEqualTo("This model's maximum context length is 4096 tokens");
        ModelHttpException unprocessable = call();
        assertThat(unprocessable.apiMessage()).isEqualTo("Field required: messages");
        assertThat(unprocessable.retryable()).isFalse();
    }

    @Test
    void anEmptyErrorBodyStillCarriesTheStatus() {
        server.enqueue(new MockResponse.Builder().code(503).build());

        ModelHttpException e = call();

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.apiMessage()).isNull();
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aServerThatStallsPastTheReadTimeoutFailsTheCall() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .headersDelay(3, TimeUnit.SECONDS)
                .body("{}")
                .build());
        OpenAiCompatibleModel model = OpenAiCompatibleModel.create(
                Fixtures.settings(server).readTimeout(Duration.ofMillis(200)).build(), Fixtures.EMPTY_ENV);

        long started = System.nanoTime();
        ModelException e = catchThrowableOfType(ModelException.class, () -> model.chat(Fixtures.simpleRequest()));

        assertThat(e).isNotNull().isNotInstanceOf(ModelHttpException.class);
        assertThat(e).hasMessageContaining("timed out").hasCauseInstanceOf(InterruptedIOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void theCallTimeoutBoundsASlowBodyToo() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("{}")
                .bodyDelay(2, TimeUnit.SECONDS)
                .build());
        OpenAiCompatibleModel model = OpenAiCompatibleModel.create(
                Fixtures.settings(server).readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofMillis(250)).build(),
                Fixtures.EMPTY_ENV);

        ModelException e = catchThrowableOfType(ModelException.class, () -> model.chat(Fixtures.simpleRequest()));

        assertThat(e).isNotNull().hasMessageContaining("timed out").hasCauseInstanceOf(InterruptedIOException.class);
    }

    @Test
    void aServerThatIsGoneIsAnIoFailureWithItsCause() throws Exception {
        OpenAiCompatibleModel model = Fixtures.model(server);
        server.close();

        ModelException e = catchThrowableOfType(ModelException.class, () -> model.chat(Fixtures.simpleRequest()));

        assertThat(e).isNotNull().isNotInstanceOf(ModelHttpException.class);
        assertThat(e).hasMessageContaining("failed").hasCauseInstanceOf(IOException.class);
        assertThat(e.getMessage()).contains(model.endpoint());
    }

    private ModelHttpException call() {
        ModelHttpException e = catchThrowableOfType(ModelHttpException.class,
                () -> Fixtures.model(server).chat(Fixtures.simpleRequest()));
        assertThat(e).as("a ModelHttpException").isNotNull();
        return e;
    }
}
