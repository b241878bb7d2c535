package dev.interfeedback.config;

import dev.interfeedback.model.http.HttpModelSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.feedback.FeedbackKind;
import dev.interfeedback.model.resilience.RetryPolicy;
import dev.interfeedback.testing.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The defaults the README's configuration reference promises, read from its table by hand. */
class DocumentedDefaultsTest {

    private static final Path PROJECT = Path.of("/project").toAbsolutePath();

    private final Settings none = TestSettings.of(Map.of(Settings.BASE_DIR, PROJECT.toString()));

    @Test
    void runSettings() {
        assertThat(none.receiverAlias()).isEqualTo("receiver");
        assertThat(none.providerAlias()).isEqualTo("provider");
        assertThat(none.feedback()).isEqualTo(FeedbackKind.DETAILED);
        assertThat(none.rounds()).isEqualTo(3);
        assertThat(none.resume()).isTrue();
    }

    @Test
    void concurrencyIsFourPerEndpointUnlessAnAliasSaysOtherwise() {
        assertThat(none.concurrency()).isEqualTo(4);
        assertThat(none.maxConcurrency("any")).isEqualTo(4);
        Settings two = TestSettings.of(Map.of("interfeedback.concurrency", "2"));
        assertThat(two.maxConcurrency("any")).as("max-concurrency defaults to interfeedback.concurrency").isEqualTo(2);
    }

    @Test
    void outputAndCacheLiveUnderTheProject() {
        assertThat(none.outputDir()).isEqualTo(PROJECT.resolve("target/interfeedback"));
        assertThat(none.cacheEnabled()).isTrue();
        assertThat(none.cacheDir()).isEqualTo(PROJECT.resolve("target/interfeedback/cache"));
        Settings elsewhere = TestSettings.of(Map.of(Settings.BASE_DIR, PROJECT.toString(), "interfeedback.output.dir", "out"));
        assertThat(elsewhere.cacheDir()).as("follows the output directory").isEqualTo(PROJECT.resolve("out/cache"));
    }

    @Test
    void retriesAreSixAttemptsWithBackoffFromHalfASecondToThirtySeconds() {
        assertThat(RetryPolicy.DEFAULT_MAX_ATTEMPTS).isEqualTo(6);
        assertThat(RetryPolicy.DEFAULT_INITIAL_BACKOFF).isEqualTo(Duration.ofMillis(500));
        assertThat(RetryPolicy.DEFAULT_MAX_BACKOFF).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aCallReadsFor120SecondsAndTakesTwiceThatAtLeast300() {
        HttpModelSettings defaults = HttpModelSettings.builder("m", "https://api.example.com/v1", "m").build();
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(defaults.callTimeout()).isEqualTo(Duration.ofSeconds(300));

        HttpModelSettings slow = HttpModelSettings.builder("m", "https://api.example.com/v1", "m")
                .readTimeout(Duration.ofSeconds(200)).build();
        assertThat(slow.callTimeout()).isEqualTo(Duration.ofSeconds(400));
    }
}
