package dev.interfeedback.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defaults, validation, and where the API key comes from. */
class SettingsTest {

    @Test
    void defaultsAreDeterministic() {
        OpenAiSettings s = OpenAiSettings.builder("gpt", "https://api.openai.com/v1", "gpt-4o").build();

        assertThat(s.temperature()).isEqualTo(0.0);
        assertThat(s.seed()).isEqualTo(1234L);
        assertThat(s.maxTokens()).isEqualTo(1024);
        assertThat(s.apiKeyEnv()).isNull();
        assertThat(s.readTimeout()).isPositive();
    }

    @Test
    void theKeyIsReadFromTheNamedVariable() {
        OpenAiSettings s = OpenAiSettings.builder("gpt", "https://api.openai.com/v1", "gpt-4o")
                .apiKeyEnv("MY_KEY").build();

        assertThat(s.resolveApiKey(Map.of("MY_KEY", " sk-abc \n")::get))
                .hasValueSatisfying(key -> assertThat(key.value()).isEqualTo("sk-abc"));
    }

    @Test
    void noVariableMeansNoKey() {
        OpenAiSettings s = OpenAiSettings.builder("local", "http://localhost:8000/v1", "llava").apiKeyEnv(" ").build();

        assertThat(s.resolveApiKey(name -> {
            throw new AssertionError("the environment must not be read, was asked for " + name);
        })).isEmpty();
    }

    @Test
    void aMissingVariableIsAConfigurationErrorNamingIt() {
        OpenAiSettings s = OpenAiSettings.builder("provider", "https://api.openai.com/v1", "gpt-4o")
                .apiKeyEnv("PROVIDER_OPENAI_KEY").build();

        assertThatThrownBy(() -> OpenAiCompatibleModel.create(s, Fixtures.EMPTY_ENV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PROVIDER_OPENAI_KEY")
                .hasMessageContaining("provider")
                .hasMessageContaining("not set");
    }

    @Test
    void aBlankVariableIsTheSameError() {
        OpenAiSettings s = OpenAiSettings.builder("provider", "https://api.openai.com/v1", "gpt-4o")
                .apiKeyEnv("PROVIDER_OPENAI_KEY").build();

        assertThatThrownBy(() -> s.resolveApiKey(Map.of("PROVIDER_OPENAI_KEY", "   ")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PROVIDER_OPENAI_KEY");
    }

    @Test
    void missingFieldsNameTheConfigurationKey() {
        assertThatThrownBy(() -> OpenAiSettings.builder("cand", "https://x/v1", " ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interfeedback.model.cand.name");
        assertThatThrownBy(() -> OpenAiSettings.builder("cand", null, "m").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interfeedback.model.cand.url");
    }

    @Test
    void outOfRangeValuesAreRejected() {
        assertThatThrownBy(() -> OpenAiSettings.builder("a", "https://x/v1", "m").temperature(-0.1).build())
                .hasMessageContaining("temperature");
        assertThatThrownBy(() -> OpenAiSettings.builder("a", "https://x/v1", "m").temperature(Double.NaN).build())
                .hasMessageContaining("temperature");
        assertThatThrownBy(() -> OpenAiSettings.builder("a", "https://x/v1", "m").maxTokens(0).build())
                .hasMessageContaining("max tokens");
        assertThatThrownBy(() -> OpenAiSettings.builder("a", "https://x/v1", "m").readTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("read timeout");
    }

    @Test
    void aBaseUrlThatIsNotHttpIsRejectedWhenTheModelIsBuilt() {
        OpenAiSettings s = OpenAiSettings.builder("a", "ftp://example.org/v1", "m").build();

        assertThatThrownBy(() -> OpenAiCompatibleModel.create(s, Fixtures.EMPTY_ENV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interfeedback.model.a.url")
                .hasMessageContaining("ftp://example.org/v1");
    }

    @Test
    void modelsBuiltFromOneClientShareItsConnectionPool() {
        OpenAiSettings fast = OpenAiSettings.builder("a", "http://localhost:1/v1", "m").readTimeout(Duration.ofSeconds(1)).build();
        OpenAiSettings slow = OpenAiSettings.builder("b", "http://localhost:1/v1", "m").readTimeout(Duration.ofSeconds(9)).build();

        OpenAiCompatibleModel a = OpenAiCompatibleModel.create(fast, Fixtures.EMPTY_ENV);
        OpenAiCompatibleModel b = OpenAiCompatibleModel.create(slow, Fixtures.EMPTY_ENV);

        assertThat(a.httpClient().connectionPool()).isSameAs(b.httpClient().connectionPool())
                .isSameAs(OpenAiCompatibleModel.sharedHttpClient().connectionPool());
        assertThat(a.httpClient().readTimeoutMillis()).isEqualTo(1000);
        assertThat(b.httpClient().readTimeoutMillis()).isEqualTo(9000);
    }
}
