package dev.interfeedback.model.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.anthropic.AnthropicModel;
import dev.interfeedback.model.gemini.GeminiModel;
import dev.interfeedback.model.openai.OpenAiCompatibleModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** The rate-limit headers of each API, as its answers carry them and the model reports them. */
class RateLimitsTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void openAiDurationsReadAsGoWritesThem() {
        assertThat(RateLimits.duration("6m0s")).isEqualTo(Duration.ofMinutes(6).toNanos());
        assertThat(RateLimits.duration("1s")).isEqualTo(1_000_000_000L);
        assertThat(RateLimits.duration("20ms")).isEqualTo(20_000_000L);
        assertThat(RateLimits.duration("1m30.5s")).isEqualTo(90_500_000_000L);
        assertThat(RateLimits.duration("1h2m")).isEqualTo(Duration.ofMinutes(62).toNanos());
        assertThat(RateLimits.duration("0.25s")).isEqualTo(250_000_000L);
        for (String bad : new String[] {"", "soon", "5", "5x", "1s later", "-1s"}) {
            assertThat(RateLimits.duration(bad)).as(bad).isEqualTo(-1);
        }
    }

    @Test
    void anOpenAiAnswerReportsItsRequestsAndTokensLeftAndTheTokensItUsed() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .addHeader("x-ratelimit-limit-requests", "3000")
                .addHeader("x-ratelimit-remaining-requests", "2999")
                .addHeader("x-ratelimit-reset-requests", "20ms")
                .addHeader("x-ratelimit-limit-tokens", "2000000")
                .addHeader("x-ratelimit-remaining-tokens", "1999000")
                .addHeader("x-ratelimit-reset-tokens", "6m0s")
                .body("{\"choices\":[{\"message\":{\"content\":\"Answer: A\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":100}}")
                .build());
        List<RateLimits> heard = new ArrayList<>();
        OpenAiCompatibleModel model = OpenAiCompatibleModel.create(settings(), k -> null);
        model.onRateLimits(heard::add);

        model.chat(request());

        assertThat(heard).containsExactly(new RateLimits(3000, 2999, 20_000_000L, 2_000_000, 1_999_000,
                Duration.ofMinutes(6).toNanos(), 1000));
    }

    @Test
    void anAnthropic429ReportsItsQuotaWithResetTimesAsRfc3339() throws Exception {
        Instant reset = Instant.now().plusSeconds(30);
        server.enqueue(new MockResponse.Builder().code(429)
                .addHeader("Content-Type", "application/json")
                .addHeader("anthropic-ratelimit-requests-limit", "50")
                .addHeader("anthropic-ratelimit-requests-remaining", "0")
                .addHeader("anthropic-ratelimit-requests-reset", reset.toString())
                .addHeader("anthropic-ratelimit-input-tokens-limit", "40000")
                .addHeader("anthropic-ratelimit-input-tokens-remaining", "12000")
                .addHeader("anthropic-ratelimit-input-tokens-reset", reset.toString())
                .body("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}")
                .build());
        List<RateLimits> heard = new ArrayList<>();
        AnthropicModel model = AnthropicModel.create(settings(), k -> null);
        model.onRateLimits(heard::add);

        try {
            model.chat(request());
        } catch (Exception rateLimited) {
            // a 429 is an error; its headers are heard all the same
        }

        assertThat(heard).hasSize(1);
        RateLimits limits = heard.get(0);
        assertThat(limits.requestsLimit()).isEqualTo(50);
        assertThat(limits.requestsRemaining()).isZero();
        assertThat(limits.requestsReset()).isBetween(Duration.ofSeconds(25).toNanos(), Duration.ofSeconds(30).toNanos());
        assertThat(limits.tokensLimit()).isEqualTo(40_000);
        assertThat(limits.tokensRemaining()).isEqualTo(12_000);
        assertThat(limits.callTokens()).isZero();
    }

    @Test
    void anAnthropicTotalTokensQuotaIsPreferredAndAGeminiAnswerSaysNothing() {
        Instant now = Instant.parse("2026-12-06T02:00:00Z");
        RateLimits limits = RateLimits.of(Headers.of(
                "anthropic-ratelimit-tokens-limit", "80000",
                "anthropic-ratelimit-tokens-remaining", "79000",
                "anthropic-ratelimit-tokens-reset", "2026-12-06T02:00:01Z",
                "anthropic-ratelimit-input-tokens-remaining", "5"), now);
        assertThat(limits.tokensRemaining()).isEqualTo(79_000);
        assertThat(limits.tokensReset()).isEqualTo(1_000_000_000L);
        assertThat(limits.requestsRemaining()).isEqualTo(-1);
        assertThat(limits.known()).isTrue();

        assertThat(RateLimits.of(Headers.of("content-type", "application/json"), now).known()).isFalse();
        assertThat(RateLimits.of(Headers.of("x-ratelimit-remaining-requests", "many",
                "x-ratelimit-reset-requests", "1s"), now).known()).as("unreadable counts are unknown").isFalse();
    }

    @Test
    void geminiAnswersWithoutHeadersReportAnUnknownQuota() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Answer: B\"}]},\"finishReason\":\"STOP\"}]}")
                .build());
        List<RateLimits> heard = new ArrayList<>();
        GeminiModel model = GeminiModel.create(settings(), k -> null);
        model.onRateLimits(heard::add);

        model.chat(request());

        assertThat(heard).singleElement().satisfies(limits -> assertThat(limits.known()).isFalse());
    }

    private HttpModelSettings settings() {
        return HttpModelSettings.builder("m", server.url("/v1/").toString(), "model-x").build();
    }

    private static ChatRequest request() {
        return new ChatRequest(List.of(Message.user("Q?")),
                new CallContext("s1", "A", List.of(), CallContext.Purpose.ANSWER, 0, null));
    }
}
