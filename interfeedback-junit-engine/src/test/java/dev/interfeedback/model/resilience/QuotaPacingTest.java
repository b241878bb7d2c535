package dev.interfeedback.model.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.http.HttpModelSettings;
import dev.interfeedback.model.http.RateLimits;
import dev.interfeedback.model.openai.OpenAiCompatibleModel;
import dev.interfeedback.testing.Quota;
import dev.interfeedback.testing.ScriptedChatServer;
import dev.interfeedback.testing.SyntheticDataset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Calls paced by the quota a server's headers announce, against a loopback server that enforces a
 * quota and answers 429 beyond it: pacing draws far fewer 429s than finding the quota by hitting it.
 * Counts are asserted, never timings.
 */
class QuotaPacingTest {

    private static final int CALLS = 120;

    @Test
    void pacingToTheAnnouncedQuotaDrawsFarFewer429sThanHittingIt() throws Exception {
        long unpaced = rateLimitedResponses(false);
        long paced = rateLimitedResponses(true);

        assertThat(unpaced).as("the quota is hit without pacing").isGreaterThanOrEqualTo(20);
        assertThat(paced).as("429s with pacing, against %d without", unpaced).isLessThanOrEqualTo(unpaced / 4);
    }

    @Test
    void withoutHeadersNothingIsPaced() {
        QuotaPacer pacer = new QuotaPacer();
        pacer.observe(new RateLimits(-1, -1, -1, -1, -1, -1, 500));
        assertThat(pacer.intervalNanos()).isZero();
        pacer.observe(new RateLimits(100, 50, 1_000_000_000L, -1, -1, -1, 0));
        // 50 left and 50 refilled by the reset: one start per 1 s / (100 - 25).
        assertThat(pacer.intervalNanos()).isEqualTo(1_000_000_000L / 75);
        pacer.observe(new RateLimits(-1, 10, 1_000_000_000L, 10_000, 1_000, 1_000_000_000L, 0));
        // Without the requests' whole quota, 10 left over 1 s; tokens at 500 a call allow 1 s / 19: requests hold.
        assertThat(pacer.intervalNanos()).isEqualTo(100_000_000L);
        // The same tokens over 10 s: tokens hold.
        pacer.observe(new RateLimits(-1, 10, 1_000_000_000L, 10_000, 1_000, 10_000_000_000L, 0));
        assertThat(pacer.intervalNanos()).isEqualTo((long) (10_000_000_000.0 / 19));
    }

    /** {@code CALLS} distinct calls from 8 threads, against 20 requests a second; returns the 429s drawn. */
    private static long rateLimitedResponses(boolean paced) throws Exception {
        try (ScriptedChatServer server = new ScriptedChatServer(Duration.ZERO)) {
            server.quota(new Quota(20, 1_000_000, Duration.ofSeconds(1), true));
            OpenAiCompatibleModel http = OpenAiCompatibleModel.create(
                    HttpModelSettings.builder("m", server.baseUrl(), "weak").build(), k -> null);
            AdaptiveLimiter limiter = new AdaptiveLimiter(server.baseUrl(), 8);
            if (paced) http.onRateLimits(limiter.pacer()::observe);
            RetryPolicy policy = new RetryPolicy(100, Duration.ofMillis(20), Duration.ofMillis(200),
                    Duration.ofSeconds(60), Duration.ofSeconds(1));
            CallStats stats = new CallStats();
            ChatModel model = new RetryingModel(new LimitedModel(http, limiter, policy), policy, stats);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < CALLS; i++) {
                    String id = "s" + i;
                    calls.add(threads.submit(() -> model.chat(new ChatRequest(
                            List.of(Message.user("[[id:" + id + "]] Which shape?")),
                            new CallContext(id, SyntheticDataset.truth(id), List.of(), CallContext.Purpose.ANSWER, 0, null)))));
                }
                for (Future<?> call : calls) call.get();
            } finally {
                threads.shutdownNow();
            }
            assertThat(server.answered()).isEqualTo(CALLS);
            return server.rateLimited();
        }
    }
}
