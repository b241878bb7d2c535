package dev.interfeedback.model.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.openai.OpenAiCompatibleModel;
import dev.interfeedback.testing.ScriptedChatServer;
import dev.interfeedback.testing.SyntheticDataset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Many calls in flight over cleartext HTTP/1.1 are spread over several connection pools, so that
 * finding a pooled connection does not scan thousands; everything else keeps one pool.
 */
class ConnectionStripesTest {

    @Test
    void manyCallsInFlightOverCleartextAreSpreadOverPoolsThatShareEverythingElse() {
        OpenAiCompatibleModel model = model("http://localhost:1/v1");
        model.spreadConnections(256);

        List<OkHttpClient> clients = model.httpClients();
        assertThat(clients).hasSize(256 / HttpChatModel.CALLS_PER_POOL);
        assertThat(clients.stream().map(OkHttpClient::connectionPool).distinct()).hasSize(clients.size());
        assertThat(clients.get(0).connectionPool()).isSameAs(HttpChatModel.sharedHttpClient().connectionPool());
        for (OkHttpClient client : clients) {
            assertThat(client.dispatcher()).isSameAs(HttpChatModel.sharedHttpClient().dispatcher());
            assertThat(client.socketFactory()).isSameAs(CoalescingSocketFactory.INSTANCE);
            assertThat(client.readTimeoutMillis()).isEqualTo(clients.get(0).readTimeoutMillis());
            assertThat(client.retryOnConnectionFailure()).isFalse();
            assertThat(client.followRedirects()).isFalse();
        }
        // Another model of the same server spread as far uses the same pools: their connections are shared.
        OpenAiCompatibleModel other = model("http://localhost:1/v1");
        other.spreadConnections(256);
        assertThat(other.httpClients().stream().map(OkHttpClient::connectionPool))
                .containsExactlyElementsOf(clients.stream().map(OkHttpClient::connectionPool).toList());
    }

    @Test
    void fewCallsHttpsAndACallersOwnClientKeepOnePool() {
        OpenAiCompatibleModel few = model("http://localhost:1/v1");
        few.spreadConnections(HttpChatModel.CALLS_PER_POOL);
        assertThat(few.httpClients()).hasSize(1);

        // Hosted APIs speak HTTP/2 over TLS: a few connections carry every call.
        OpenAiCompatibleModel https = model("https://api.example.org/v1");
        https.spreadConnections(2048);
        assertThat(https.httpClients()).hasSize(1);

        OkHttpClient own = new OkHttpClient.Builder().connectionPool(new ConnectionPool()).build();
        OpenAiCompatibleModel given = OpenAiCompatibleModel.create(
                HttpModelSettings.builder("m", "http://localhost:1/v1", "weak").build(), k -> null, own);
        given.spreadConnections(2048);
        assertThat(given.httpClients()).singleElement()
                .satisfies(client -> assertThat(client.connectionPool()).isSameAs(own.connectionPool()));
    }

    @Test
    void everyCallIsMadeOnceAndEachStripeKeepsTheConnectionsOfItsThreads() throws Exception {
        int threads = 16, calls = 64;
        try (ScriptedChatServer server = new ScriptedChatServer(Duration.ZERO)) {
            OpenAiCompatibleModel model = model(server.baseUrl());
            model.spreadConnections(4 * HttpChatModel.CALLS_PER_POOL);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    String id = "s" + i;
                    answers.add(pool.submit(() -> model.chat(new ChatRequest(List.of(Message.user("[[id:" + id + "]] Which shape?")),
                            new CallContext(id, SyntheticDataset.truth(id), List.of(), CallContext.Purpose.ANSWER, 0, null))).text()));
                }
                for (Future<String> answer : answers) assertThat(answer.get()).contains("Answer: ");
            } finally {
                pool.shutdownNow();
            }
            assertThat(server.requests()).isEqualTo(calls);
            // 16 threads of consecutive ids fall in all 4 stripes; each stripe's pool keeps its connections.
            assertThat(model.httpClients()).hasSize(4);
            for (OkHttpClient client : model.httpClients()) {
                assertThat(client.connectionPool().connectionCount()).isPositive();
            }
            assertThatThrownBy(() -> model.spreadConnections(2048))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has made calls already");
        }
    }

    private static OpenAiCompatibleModel model(String url) {
        return OpenAiCompatibleModel.create(HttpModelSettings.builder("m", url, "weak").build(), k -> null);
    }
}
