package dev.interfeedback.model.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.interfeedback.config.ModelFactory;
import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelHttpException;
import dev.interfeedback.model.ModelTransportException;
import dev.interfeedback.model.Message;
import dev.interfeedback.testing.LoopbackChat;
import dev.interfeedback.testing.ScriptedChatServer;
import dev.interfeedback.testing.ScriptedChatServer.Fault;
import dev.interfeedback.testing.SyntheticDataset;
import dev.interfeedback.testing.TestSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole stack (cache off, retries, limiter, HTTP) against a loopback server that misbehaves. */
class RetryingModelTest {

    @RegisterExtension
    final LoopbackChat loopback = new LoopbackChat();

    private final CallStats stats = new CallStats();

    private ChatModel model(Map<String, String> extra) {
        Map<String, String> settings = TestSettings.forServer(loopback.server().baseUrl(), null);
        settings.putAll(extra);
        return new ModelFactory(TestSettings.of(settings), k -> null, new LimiterRegistry(), stats).create("weak");
    }

    private ChatModel model() {
        return model(Map.of());
    }

    private static ChatRequest question(String id) {
        return new ChatRequest(List.of(Message.user("[[id:" + id + "]] Which shape?")),
                new CallContext(id, "A", List.of(), CallContext.Purpose.ANSWER, 0, null));
    }

    private String faultFreeAnswer(String id) throws Exception {
        try (ScriptedChatServer clean = new ScriptedChatServer(Duration.ZERO)) {
            Map<String, String> settings = TestSettings.forServer(clean.baseUrl(), null);
            return new ModelFactory(TestSettings.of(settings), k -> null, new LimiterRegistry(), new CallStats())
                    .create("weak").chat(question(id)).text();
        }
    }

    @Test
    void aBurstOf429sWithRetryAfterIsWaitedOut() throws Exception {
        loopback.server().faults((n, sig, seen) -> seen <= 4 ? new Fault.Status(429, "0.01") : Fault.NONE);

        String answer = model().chat(question("s1")).text();

        assertThat(answer).isEqualTo(faultFreeAnswer("s1"));
        assertThat(loopback.server().requests()).isEqualTo(5);
        assertThat(stats.rateLimitedResponses()).isEqualTo(4);
        assertThat(stats.retries()).isEqualTo(4);
        assertThat(stats.failures()).isZero();
    }

    @Test
    void waitingOutAnAnnouncedRateLimitUsesNoAttempt() throws Exception {
        // A burst of 30 429s at the start, over 3 calls of 3 attempts each: every call is answered.
        loopback.server().faults((n, sig, seen) -> n <= 30 ? new Fault.Status(429, "0.02") : Fault.NONE);
        ChatModel model = model(Map.of("interfeedback.retry.max-attempts", "3"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (String id : List.of("b1", "b2", "b3")) answers.add(pool.submit(() -> model.chat(question(id)).text()));
            for (Future<String> answer : answers) assertThat(answer.get()).contains("Answer: ");
        } finally {
            pool.shutdownNow();
        }

        assertThat(loopback.server().requests()).isEqualTo(33);
        assertThat(stats.calls()).isEqualTo(33);
        assertThat(stats.rateLimitedResponses()).isEqualTo(30);
        assertThat(stats.failures()).isZero();
    }

    @Test
    void a503WithRetryAfterIsARateLimitToo() throws Exception {
        loopback.server().faults((n, sig, seen) -> seen <= 4 ? new Fault.Status(503, "0.01") : Fault.NONE);

        String answer = model(Map.of("interfeedback.retry.max-attempts", "2")).chat(question("s9")).text();

        assertThat(answer).isEqualTo(faultFreeAnswer("s9"));
        assertThat(stats.rateLimitedResponses()).isEqualTo(4);
    }

    @Test
    void aRateLimitLongerThanTheBudgetIsAnErrorNamingTheBudget() {
        loopback.server().faults((n, sig, seen) -> new Fault.Status(429, "0.2"));
        long started = System.nanoTime();

        RateLimitBudgetExceededException e = catchThrowableOfType(RateLimitBudgetExceededException.class,
                () -> model(Map.of("interfeedback.retry.rate-limit-budget-seconds", "1")).chat(question("s10")));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(600), Duration.ofSeconds(3));
        assertThat(e.getMessage()).matches("rate limited for \\d\\.\\d s and asked to wait 0\\.2 s more, over the budget"
                + " interfeedback\\.retry\\.rate-limit-budget-seconds=1 \\(\\d rate-limited requests\\): HTTP 429 .*");
        assertThat(loopback.server().requests()).isBetween(3L, 6L).isEqualTo(stats.calls()).isEqualTo(stats.rateLimitedResponses());
        assertThat(stats.failures()).isEqualTo(1);
    }

    @Test
    void aRateLimitWithoutRetryAfterIsBackedOffWithoutUsingAttempts() throws Exception {
        loopback.server().faults((n, sig, seen) -> seen <= 5 ? new Fault.Status(429, null) : Fault.NONE);

        String answer = model(Map.of("interfeedback.retry.max-attempts", "2")).chat(question("s14")).text();

        assertThat(answer).isEqualTo(faultFreeAnswer("s14"));
        assertThat(loopback.server().requests()).isEqualTo(6);
    }

    @Test
    void aZeroBudgetMakesTheFirstRateLimitAnError() {
        loopback.server().faults((n, sig, seen) -> new Fault.Status(429, null));

        RateLimitBudgetExceededException e = catchThrowableOfType(RateLimitBudgetExceededException.class,
                () -> model(Map.of("interfeedback.retry.rate-limit-budget-seconds", "0")).chat(question("s11")));

        assertThat(e).hasMessageContaining("interfeedback.retry.rate-limit-budget-seconds=0");
        assertThat(loopback.server().requests()).isEqualTo(1);
    }

    @Test
    void aLongRetryAfterIsCutToTheCap() {
        loopback.server().faults((n, sig, seen) -> seen == 1 ? new Fault.Status(429, "600") : Fault.NONE);
        long started = System.nanoTime();

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> model(Map.of(
                "interfeedback.retry.max-retry-after-seconds", "1")).chat(question("s12")));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        assertThat(loopback.server().requests()).isEqualTo(2);
    }

    @Test
    void whenAttemptsRunOutTheRateLimitsWaitedOutAreNamedToo() {
        loopback.server().faults((n, sig, seen) -> seen <= 2 ? new Fault.Status(429, "0.01") : new Fault.Status(500, null));

        RetriesExhaustedException e = catchThrowableOfType(RetriesExhaustedException.class,
                () -> model(Map.of("interfeedback.retry.max-attempts", "2")).chat(question("s13")));

        assertThat(e.getMessage()).startsWith("failed after 2 attempts and 2 rate-limited requests: HTTP 500 ");
        assertThat(loopback.server().requests()).isEqualTo(4).isEqualTo(stats.calls());
    }

    @Test
    void serverErrorsAreRetried() throws Exception {
        loopback.server().faults((n, sig, seen) -> seen <= 2 ? new Fault.Status(seen == 1 ? 500 : 503, null) : Fault.NONE);

        assertThat(model().chat(question("s2")).text()).isEqualTo(faultFreeAnswer("s2"));
        assertThat(loopback.server().requests()).isEqualTo(3);
    }

    @Test
    void droppedConnectionsAreRetried() throws Exception {
        loopback.server().faults((n, sig, seen) -> seen <= 3 ? new Fault.Drop() : Fault.NONE);

        assertThat(model().chat(question("s3")).text()).isEqualTo(faultFreeAnswer("s3"));
        assertThat(loopback.server().answered()).isEqualTo(1);
        assertThat(loopback.server().requests()).isEqualTo(4);
        assertThat(stats.calls()).isEqualTo(4);
    }

    @Test
    void aConnectionThatAlwaysDropsIsSentExactlyMaxAttemptsTimes() throws Exception {
        loopback.server().faults((n, sig, seen) -> n == 1 ? Fault.NONE : new Fault.Drop());
        ChatModel model = model(Map.of("interfeedback.retry.max-attempts", "6"));
        // The first answer leaves a pooled connection, on whose failure okhttp would try a new one.
        model.chat(question("s0"));

        RetriesExhaustedException e = catchThrowableOfType(RetriesExhaustedException.class,
                () -> model.chat(question("s8")));

        assertThat(loopback.server().requests()).isEqualTo(1 + 6);
        assertThat(e.attempts()).isEqualTo(6);
        assertThat(e.getMessage()).startsWith("failed after 6 attempts: ");
        assertThat(e.last()).isInstanceOf(ModelTransportException.class);
        assertThat(stats.calls()).isEqualTo(1 + 6);
        assertThat(stats.retries()).isEqualTo(5);
        assertThat(stats.failures()).isEqualTo(1);
    }

    @Test
    void aSlowAnswerPastTheReadTimeoutIsRetried() throws Exception {
        loopback.server().faults((n, sig, seen) -> seen == 1 ? new Fault.Slow(Duration.ofMillis(400)) : Fault.NONE);

        String answer = model(Map.of("interfeedback.model.weak.timeout-ms", "100")).chat(question("s4")).text();

        assertThat(answer).isEqualTo(faultFreeAnswer("s4"));
        assertThat(loopback.server().requests()).isEqualTo(2);
        assertThat(stats.retries()).isEqualTo(1);
    }

    @Test
    void requestErrorsAreNeverRetried() {
        loopback.server().faults((n, sig, seen) -> new Fault.Status(400, null));

        ModelHttpException e = catchThrowableOfType(ModelHttpException.class, () -> model().chat(question("s5")));

        assertThat(e.status()).isEqualTo(400);
        assertThat(loopback.server().requests()).isEqualTo(1);
        assertThat(stats.retries()).isZero();
        assertThat(stats.failures()).isEqualTo(1);
    }

    @Test
    void afterTheLastAttemptTheCauseIsKept() {
        loopback.server().faults((n, sig, seen) -> new Fault.Status(503, null));

        RetriesExhaustedException e = catchThrowableOfType(RetriesExhaustedException.class,
                () -> model(Map.of("interfeedback.retry.max-attempts", "3")).chat(question("s6")));

        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.last()).isInstanceOf(ModelHttpException.class);
        assertThat(((ModelHttpException) e.last()).status()).isEqualTo(503);
        assertThat(e.getMessage()).contains("3 attempts").contains("HTTP 503");
        assertThat(loopback.server().requests()).isEqualTo(3);
    }

    @Test
    void aDeadServerIsATransportErrorAfterRetries() throws Exception {
        String url = loopback.server().baseUrl();
        loopback.server().close();
        Map<String, String> settings = TestSettings.forServer(url, null);
        settings.put("interfeedback.retry.max-attempts", "2");
        ChatModel model = new ModelFactory(TestSettings.of(settings), k -> null, new LimiterRegistry(), stats).create("weak");

        RetriesExhaustedException e = catchThrowableOfType(RetriesExhaustedException.class, () -> model.chat(question("s7")));

        assertThat(e.last()).isInstanceOf(ModelTransportException.class);
    }

    @Test
    void concurrentCallsStayWithinTheEndpointsLimitAnd429sLowerIt() throws Exception {
        try (ScriptedChatServer slow = new ScriptedChatServer(Duration.ofMillis(20))) {
            slow.faults((n, sig, seen) -> n % 10 == 0 && seen == 1 ? new Fault.Status(429, "0.005") : Fault.NONE);
            Map<String, String> settings = TestSettings.forServer(slow.baseUrl(), null);
            LimiterRegistry limiters = new LimiterRegistry();
            ModelFactory factory = new ModelFactory(TestSettings.of(settings), k -> null, limiters, stats);
            ChatModel weak = factory.create("weak"), strong = factory.create("strong");
            ExecutorService pool = Executors.newFixedThreadPool(32);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    ChatModel model = i % 2 == 0 ? weak : strong;
                    String id = "s" + i;
                    answers.add(pool.submit(() -> model.chat(question(id)).text()));
                }
                for (int i = 0; i < answers.size(); i++) {
                    assertThat(answers.get(i).get()).contains("Answer: ");
                }
            } finally {
                pool.shutdownNow();
            }
            // Both aliases are on one endpoint, so they share its limit of 8.
            assertThat(slow.peakInFlight()).isLessThanOrEqualTo(8);
            assertThat(slow.answered()).isEqualTo(200);
            assertThat(stats.rateLimitedResponses()).isPositive();
            assertThat(limiters.forEndpoint(slow.baseUrl() + "/chat/completions", 8).limit()).isLessThanOrEqualTo(8);
        }
    }

    @Test
    void anUnreadableImageIsNotRetried() {
        ChatRequest request = new ChatRequest(
                List.of(Message.user(List.of(dev.interfeedback.model.Content.image(java.nio.file.Path.of("/no/such.png"))))),
                new CallContext("x", "A", List.of(), CallContext.Purpose.ANSWER, 0, null));

        ModelException e = catchThrowableOfType(ModelException.class, () -> model().chat(request));

        assertThat(e.retryable()).isFalse();
        assertThat(loopback.server().requests()).isZero();
    }

    /**
     * The server in another JVM grades by these, so they must be a fixed function of the id: the
     * values were computed outside Java, from String.hashCode's specified formula.
     */
    @Test
    void syntheticAnswersAreAFixedFunctionOfTheId() {
        assertThat(List.of("s1", "s10", "q7")).extracting(SyntheticDataset::truth).containsExactly("B", "D", "A");
        assertThat(List.of(0, 1, 2, 7)).extracting(salt -> SyntheticDataset.wrong("s10", salt))
                .containsExactly("A", "B", "C", "B");
    }

    @Test
    void one429HalvesTheEndpointsLimit() throws Exception {
        loopback.server().faults((n, sig, seen) -> seen == 1 ? new Fault.Status(429, "0.001") : Fault.NONE);
        LimiterRegistry limiters = new LimiterRegistry();
        Map<String, String> settings = TestSettings.forServer(loopback.server().baseUrl(), null);
        ChatModel model = new ModelFactory(TestSettings.of(settings), k -> null, limiters, stats).create("weak");

        model.chat(question("s8"));

        // 8 halved to 4 by the 429; the retry's success adds 1/4 of a slot, not a whole one.
        assertThat(limiters.forEndpoint(loopback.server().baseUrl() + "/chat/completions", 8).limit()).isEqualTo(4);
        assertThat(stats.rateLimitedResponses()).isEqualTo(1);
    }
}
