package dev.interfeedback.model.openai;

import dev.interfeedback.model.http.HttpModelSettings;
import static dev.interfeedback.model.openai.Fixtures.SECRET_KEY;
import static dev.interfeedback.model.openai.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelHttpException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The API key goes into the Authorization header and nowhere else. */
class SecretLeakTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void theKeyIsInNoToString() {
        HttpModelSettings settings = Fixtures.settings(server).apiKeyEnv(Fixtures.KEY_ENV).build();
        OpenAiCompatibleModel model = OpenAiCompatibleModel.create(settings, Fixtures.ENV_WITH_KEY);

        assertThat(settings.toString()).contains(Fixtures.KEY_ENV).doesNotContain(SECRET_KEY);
        assertThat(model.toString()).contains("gpt-test").doesNotContain(SECRET_KEY);
        assertThat(model.info().toString()).doesNotContain(SECRET_KEY);
        assertThat(settings.resolveApiKey(Fixtures.ENV_WITH_KEY).orElseThrow().toString())
                .doesNotContain(SECRET_KEY).doesNotContain("7f3a9c1e"); // not even a part of it
    }

    @Test
    void aRejectedKeyIsNotInTheException() {
        server.enqueue(json(401, Fixtures.openAiError("Incorrect API key provided.", "invalid_request_error")));

        ModelHttpException e = catchThrowableOfType(ModelHttpException.class,
                () -> Fixtures.modelWithKey(server).chat(Fixtures.simpleRequest()));

        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(401);
        assertThat(Fixtures.everything(e)).doesNotContain(SECRET_KEY);
    }

    @Test
    void aServerThatEchoesTheKeyHasItRedacted() {
        server.enqueue(json(401, Fixtures.openAiError(
                "Incorrect API key provided: " + SECRET_KEY + ". Find your key at platform.openai.com.",
                "invalid_request_error")));
        server.enqueue(new MockResponse.Builder().code(403).body("forbidden for Bearer " + SECRET_KEY).build());

        ModelHttpException json = catchThrowableOfType(ModelHttpException.class,
                () -> Fixtures.modelWithKey(server).chat(Fixtures.simpleRequest()));
        ModelHttpException raw = catchThrowableOfType(ModelHttpException.class,
                () -> Fixtures.modelWithKey(server).chat(Fixtures.simpleRequest()));

        assertThat(json.apiMessage()).contains("Incorrect API key provided").contains("[redacted]");
        assertThat(Fixtures.everything(json)).doesNotContain(SECRET_KEY);
        assertThat(raw.apiMessage()).contains("[redacted]");
        assertThat(Fixtures.everything(raw)).doesNotContain(SECRET_KEY);
    }

    @Test
    void aTimeoutWithAKeyDoesNotMentionIt() {
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS).body("{}").build());
        OpenAiCompatibleModel model = OpenAiCompatibleModel.create(
                Fixtures.settings(server).apiKeyEnv(Fixtures.KEY_ENV).readTimeout(Duration.ofMillis(150)).build(),
                Fixtures.ENV_WITH_KEY);

        ModelException e = catchThrowableOfType(ModelException.class, () -> model.chat(Fixtures.simpleRequest()));

        assertThat(e).isNotNull().hasMessageContaining("timed out");
        assertThat(Fixtures.everything(e)).doesNotContain(SECRET_KEY);
    }

    @Test
    void aMissingKeyErrorNamesTheVariableNotAValue() {
        HttpModelSettings settings = Fixtures.settings(server).apiKeyEnv(Fixtures.KEY_ENV).build();

        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> settings.resolveApiKey(name -> name.equals("OTHER") ? SECRET_KEY : null));

        assertThat(e).isNotNull().hasMessageContaining(Fixtures.KEY_ENV);
        assertThat(Fixtures.everything(e)).doesNotContain(SECRET_KEY);
    }

    @Test
    void credentialsInTheBaseUrlStayOutOfMessages() {
        server.enqueue(json(500, Fixtures.openAiError("boom", "server_error")));
        String base = server.url("/v1").newBuilder().username("user").password("hunter2secret")
                .addQueryParameter("api-key", "query-secret-77").build().toString();
        OpenAiCompatibleModel model = OpenAiCompatibleModel.create(
                HttpModelSettings.builder("gw", base, "m").build(), Fixtures.EMPTY_ENV);

        ModelHttpException e = catchThrowableOfType(ModelHttpException.class, () -> model.chat(Fixtures.simpleRequest()));

        assertThat(e).isNotNull();
        assertThat(Fixtures.everything(e)).doesNotContain("hunter2secret").doesNotContain("query-secret-77");
        assertThat(model.toString()).doesNotContain("hunter2secret").doesNotContain("query-secret-77");
    }
}
