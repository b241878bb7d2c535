package dev.interfeedback.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.resilience.CallStats;
import dev.interfeedback.model.resilience.LimiterRegistry;
import dev.interfeedback.testing.ScriptedChatServer;
import dev.interfeedback.testing.ScriptedChatServer.Fault;
import dev.interfeedback.testing.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the decorators of an API model do together, seen from the server: {@code
 * ModelFactoryResilienceTest} checks only the outermost one, so a stack that lost its retries or
 * its limiter would pass there.
 */
class ModelFactoryStackTest {

    @TempDir
    Path dir;

    @Test
    void anApiModelIsLimitedRetriedAndCachedAtOnce() throws Exception {
        try (ScriptedChatServer server = new ScriptedChatServer(Duration.ofMillis(30))) {
            // The first attempt of every request fails; the second is answered.
            server.faults((n, signature, seen) -> seen == 1 ? new Fault.Status(503, null) : Fault.NONE);
            Map<String, String> settings = TestSettings.forServer(server.baseUrl(), dir.resolve("cache").toString());
            settings.put("interfeedback.model.weak.max-concurrency", "2");
            CallStats stats = new CallStats();
            ChatModel model = new ModelFactory(TestSettings.of(settings), k -> null, new LimiterRegistry(), stats)
                    .create("weak");

            askTenAtOnce(model);
            assertThat(server.answered()).isEqualTo(10);
            assertThat(server.requests()).as("one retry each").isEqualTo(20);
            assertThat(stats.retries()).isEqualTo(10);
            // The server counts a request out only after its reply is written, so a call the limiter
            // lets in as another ends can overlap it by one in the server's count; without the
            // limiter, all ten would be in flight at once.
            assertThat(server.peakInFlight()).as("the endpoint's limit").isLessThanOrEqualTo(3);

            askTenAtOnce(model);
            assertThat(server.requests()).as("the second time from the cache").isEqualTo(20);
            assertThat(stats.cacheHits()).isEqualTo(10);
        }
    }

    private static void askTenAtOnce(ChatModel model) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String id = "s" + i;
                answers.add(pool.submit(() -> model.chat(new ChatRequest(List.of(Message.user("[[id:" + id + "]] Which?")),
                        new CallContext(id, "A", List.of(), CallContext.Purpose.ANSWER, 0, null))).text()));
            }
            for (Future<String> answer : answers) assertThat(answer.get()).contains("Answer: ");
        } finally {
            pool.shutdownNow();
        }
    }
}
