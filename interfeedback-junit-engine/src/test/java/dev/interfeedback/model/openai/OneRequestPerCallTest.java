package dev.interfeedback.model.openai;

import static dev.interfeedback.model.openai.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelHttpException;
import dev.interfeedback.model.ModelTransportException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * One call sends one request: okhttp must not re-send a POST by itself (after a dropped
 * connection, a 503 with {@code Retry-After: 0}, a redirect), since only the retry layer counts
 * and bounds what goes out. Each server below answers a second request, which must never come.
 */
class OneRequestPerCallTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void aConnectionDroppedAfterTheRequestIsNotSentAgain() throws Exception {
        // okhttp re-sends on a new connection when a pooled one fails, so the first call pools one.
        OpenAiCompatibleModel model = Fixtures.model(server);
        server.enqueue(Fixtures.completion("Answer: A", 1, 1));
        model.chat(Fixtures.simpleRequest());
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(Fixtures.completion("Answer: A", 1, 1));

        ModelException e = catchThrowableOfType(ModelException.class, () -> model.chat(Fixtures.simpleRequest()));

        assertThat(e).isInstanceOf(ModelTransportException.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void a503AskingForAnImmediateRetryIsNotRetriedByTheClient() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").body("busy").build());
        server.enqueue(Fixtures.completion("Answer: A", 1, 1));

        ModelException e = call();

        assertThat(e).isInstanceOf(ModelHttpException.class);
        assertThat(((ModelHttpException) e).status()).isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a408IsNotRetriedByTheClient() {
        server.enqueue(new MockResponse.Builder().code(408).body("timeout").build());
        server.enqueue(Fixtures.completion("Answer: A", 1, 1));

        assertThat(call()).isInstanceOf(ModelHttpException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void redirectsAreNotFollowed() {
        // A 307 re-sends the POST with its body; a 302 turns it into a GET: both uncounted requests.
        server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", "/v1/chat/completions").build());
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/elsewhere").build());
        server.enqueue(json(200, "{}"));

        ModelHttpException temporary = (ModelHttpException) call();
        ModelHttpException found = (ModelHttpException) call();

        assertThat(temporary.status()).isEqualTo(307);
        assertThat(found.status()).isEqualTo(302);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    private ModelException call() {
        ModelException e = catchThrowableOfType(ModelException.class,
                () -> Fixtures.model(server).chat(Fixtures.simpleRequest()));
        assertThat(e).as("the call fails").isNotNull();
        return e;
    }
}
