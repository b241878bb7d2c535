package dev.interfeedback.model.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.model.openai.OpenAiCompatibleModel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defaults, validation, and where the API key comes from. */
class HttpModelSettingsTest {

    @Test
    void defaultsAreDeterministic() {
        HttpModelSettings s = HttpModelSettings.builder("gpt", "https://api.openai.com/v1", "gpt-4o").build();

        assertThat(s.temperature()).isEqualTo(0.0);
        assertThat(s.seed()).isEqualTo(1234L);
        assertThat(s.maxTokens()).isEqualTo(1024);
        assertThat(s.apiKeyEnv()).isNull();
        assertThat(s.readTimeout()).isPositive();
    }

    @Test
    void theKeyIsReadFromTheNamedVariable() {
        HttpModelSettings s = HttpModelSettings.builder("gpt", "https://api.openai.com/v1", "gpt-4o")
                .apiKeyEnv("MY_KEY").build();

        assertThat(s.resolveApiKey(Map.of("MY_KEY", " sk-abc \n")::get))
                .hasValueSatisfying(key -> assertThat(key.value()).isEqualTo("sk-abc"));
    }

    @Test
    void noVariableMeansNoKey() {
        HttpModelSettings s = HttpModelSettings.builder("local", "http://localhost:8000/v1", "llava").apiKeyEnv(" ").build();

        assertThat(s.resolveApiKey(name -> {
            throw new AssertionError("the environment must not be read, was asked for " + name);
        })).isEmpty();
    }

    @Test
    void aMissingVariableIsAConfigurationErrorNamingIt() {
        HttpModelSettings s = HttpModelSettings.builder("provider", "https://api.openai.com/v1", "gpt-4o")
                .apiKeyEnv("PROVIDER_OPENAI_KEY").build();

        assertThatThrownBy(() -> OpenAiCompatibleModel.create(s, (name -> null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PROVIDER_OPENAI_KEY")
                .hasMessageContaining("provider")
                .hasMessageContaining("not set");
    }

    @Test
    void aBlankVariableIsTheSameError() {
        HttpModelSettings s = HttpModelSettings.builder("provider", "https://api.openai.com/v1", "gpt-4o")
                .apiKeyEnv("PROVIDER_OPENAI_KEY").build();

        assertThatThrownBy(() -> s.resolveApiKey(Map.of("PROVIDER_OPENAI_KEY", "   ")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PROVIDER_OPENAI_KEY");
    }

    @Test
    void missingFieldsNameTheConfigurationKey() {
        assertThatThrownBy(() -> HttpModelSettings.builder("cand", "https://x/v1", " ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interfeedback.model.cand.name");
        assertThatThrownBy(() -> HttpModelSettings.builder("cand", null, "m").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interfeedback.model.cand.url");
    }

    @Test
    void outOfRangeValuesAreRejected() {
        assertThatThrownBy(() -> HttpModelSettings.builder("a", "https://x/v1", "m").temperature(-0.1).build())
                .hasMessageContaining("temperature");
        assertThatThrownBy(() -> HttpModelSettings.builder("a", "https://x/v1", "m").temperature(Double.NaN).build())
                .hasMessageContaining("temperature");
        assertThatThrownBy(() -> HttpModelSettings.builder("a", "https://x/v1", "m").maxTokens(0).build())
                .hasMessageContaining("max tokens");
        assertThatThrownBy(() -> HttpModelSettings.builder("a", "https://x/v1", "m").readTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("read timeout");
    }

    @Test
    void aBaseUrlThatIsNotHttpIsRejectedWhenTheModelIsBuilt() {
        HttpModelSettings s = HttpModelSettings.builder("a", "ftp://example.org/v1", "m").build();

        assertThatThrownBy(() -> OpenAiCompatibleModel.create(s, (name -> null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interfeedback.model.a.url")
                .hasMessageContaining("ftp://example.org/v1");
    }

    @Test
    void modelsBuiltFromOneClientShareItsConnectionPool() {
        HttpModelSettings fast = HttpModelSettings.builder("a", "http://localhost:1/v1", "m").readTimeout(Duration.ofSeconds(1)).build();
        HttpModelSettings slow = HttpModelSettings.builder("b", "http://localhost:1/v1", "m").readTimeout(Duration.ofSeconds(9)).build();

        OpenAiCompatibleModel a = OpenAiCompatibleModel.create(fast, (name -> null));
        OpenAiCompatibleModel b = OpenAiCompatibleModel.create(slow, (name -> null));

        assertThat(a.httpClient().connectionPool()).isSameAs(b.httpClient().connectionPool())
                .isSameAs(HttpChatModel.sharedHttpClient().connectionPool());
        assertThat(a.httpClient().readTimeoutMillis()).isEqualTo(1000);
        assertThat(b.httpClient().readTimeoutMillis()).isEqualTo(9000);
    }
}
