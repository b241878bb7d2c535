package dev.interfeedback.model.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.model.http.ImageStore;
import dev.interfeedback.config.ModelFactory;
import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.Content;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelHttpException;
import dev.interfeedback.model.Usage;
import dev.interfeedback.testing.LoopbackChat;
import dev.interfeedback.testing.ScriptedChatServer;
import dev.interfeedback.testing.ScriptedChatServer.Fault;
import dev.interfeedback.testing.TestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CachingModelTest {

    private static final String SECRET = "fake-api-key-5f1b2c3d4e5f6a7b8c9d";

    @TempDir
    Path dir;

    @RegisterExtension
    final LoopbackChat loopback = new LoopbackChat();

    private final CallStats stats = new CallStats();

    private ChatModel model(Map<String, String> extra, Function<String, String> env) {
        Map<String, String> settings = TestSettings.forServer(loopback.server().baseUrl(), dir.resolve("cache").toString());
        settings.putAll(extra);
        return new ModelFactory(TestSettings.of(settings), env, new LimiterRegistry(), stats).create("weak");
    }

    private ChatModel model() {
        return model(Map.of(), k -> null);
    }

    private static ChatRequest question(String id, CallContext.Purpose purpose, Content... images) {
        List<Content> parts = new java.util.ArrayList<>(List.of(images));
        parts.add(Content.text("[[id:" + id + "]] Which shape?"));
        return new ChatRequest(List.of(Message.user(parts)),
                new CallContext(id, "A", List.of(), purpose, 0, null));
    }

    @Test
    void aRepeatedRequestIsAnsweredFromTheCacheWithoutANetworkCall() throws Exception {
        ChatResponse first = model().chat(question("s1", CallContext.Purpose.ANSWER));
        // Another model instance (a rerun), and a different call context: the context is never sent.
        ChatResponse again = model().chat(question("s1", CallContext.Purpose.FEEDBACK));

        assertThat(again).isEqualTo(first);
        assertThat(loopback.server().requests()).isEqualTo(1);
        assertThat(stats.cacheHits()).isEqualTo(1);
    }

    @Test
    void theKeyOfAnOpenAiRequestIsWhatItWasAndAStablePrefixLeavesItAlone() throws Exception {
        String identity = "openai-compatible\nendpoint=http://127.0.0.1:1/v1/chat/completions\nmodel=gpt-4o"
                + "\ntemperature=0.0\nseed=1234\nmax_tokens=1024";
        assertThat(dev.interfeedback.model.openai.OpenAiCompatibleModel.create(
                dev.interfeedback.model.http.HttpModelSettings.builder("gpt", "http://127.0.0.1:1/v1", "gpt-4o").build(),
                name -> null).cacheIdentity()).isEqualTo(identity);
        RequestKey keys = new RequestKey(identity, new ImageStore());
        ChatRequest plain = new ChatRequest(List.of(Message.user("Which shape?")),
                new CallContext("s", "A", List.of(), CallContext.Purpose.ANSWER, 0, null));

        // Pinned: a changed key would make every cached answer of earlier runs a miss.
        assertThat(keys.of(plain)).isEqualTo(PINNED_KEY);
        assertThat(keys.of(plain.stableToTheEnd())).isEqualTo(PINNED_KEY);
    }

    private static final String PINNED_KEY = "76101087102c3a285ed41bc01844e4a16048ba0afab78cf00918187d9468c51d";

    @Test
    void theCacheSurvivesTheProcessOnDisk() throws Exception {
        ChatResponse first = model().chat(question("s2", CallContext.Purpose.ANSWER));

        ResponseCache reopened = ResponseCache.reopen(dir.resolve("cache"));

        assertThat(reopened.size()).isEqualTo(1);
        assertThat(reopened.get(reopened.keys().iterator().next())).contains(first);
    }

    @Test
    void errorsAreNeverCached() throws Exception {
        loopback.server().faults((n, sig, seen) -> seen == 1 ? new Fault.Status(400, null) : Fault.NONE);

        assertThatThrownBy(() -> model().chat(question("s3", CallContext.Purpose.ANSWER)))
                .isInstanceOf(ModelHttpException.class);
        model().chat(question("s3", CallContext.Purpose.ANSWER));

        assertThat(loopback.server().requests()).isEqualTo(2);
        assertThat(ResponseCache.reopen(dir.resolve("cache")).size()).isEqualTo(1);
    }

    @Test
    void theApiKeyReachesTheServerButNeitherTheCacheFileNorTheKey() throws Exception {
        Map<String, String> withKey = Map.of("interfeedback.model.weak.api-key-env", "TEST_KEY");
        model(withKey, k -> k.equals("TEST_KEY") ? SECRET : null).chat(question("s4", CallContext.Purpose.ANSWER));
        assertThat(loopback.server().lastAuthorization()).isEqualTo("Bearer " + SECRET);

        // Another key: still a hit, so the key was not part of the cache key.
        model(withKey, k -> k.equals("TEST_KEY") ? "sk-other-key" : null).chat(question("s4", CallContext.Purpose.ANSWER));
        assertThat(loopback.server().requests()).isEqualTo(1);

        for (Path file : Files.walk(dir).filter(Files::isRegularFile).toList()) {
            assertThat(Files.readString(file)).doesNotContain(SECRET).doesNotContain("sk-other-key");
        }
    }

    @Test
    void sampledRequestsAreNotCached() throws Exception {
        ChatModel sampled = model(Map.of("interfeedback.model.weak.temperature", "0.7"), k -> null);

        sampled.chat(question("s5", CallContext.Purpose.ANSWER));
        sampled.chat(question("s5", CallContext.Purpose.ANSWER));

        assertThat(loopback.server().requests()).isEqualTo(2);
    }

    @Test
    void theKeyCoversModelParametersAndImageBytes() throws Exception {
        Path image = dir.resolve("figure.png");
        // A PNG signature, then bytes that change: images are checked against their extension when sent.
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        Files.write(image, png);
        model().chat(question("s6", CallContext.Purpose.ANSWER, Content.image(image)));
        model().chat(question("s6", CallContext.Purpose.ANSWER, Content.image(image)));
        assertThat(loopback.server().requests()).isEqualTo(1);

        model(Map.of("interfeedback.model.weak.max-tokens", "77"), k -> null)
                .chat(question("s6", CallContext.Purpose.ANSWER, Content.image(image)));
        assertThat(loopback.server().requests()).isEqualTo(2);

        model(Map.of("interfeedback.model.weak.name", "other"), k -> null)
                .chat(question("s6", CallContext.Purpose.ANSWER, Content.image(image)));
        assertThat(loopback.server().requests()).isEqualTo(3);

        Files.write(image, java.util.Arrays.copyOf(png, png.length + 1));
        model().chat(question("s6", CallContext.Purpose.ANSWER, Content.image(image)));
        assertThat(loopback.server().requests()).isEqualTo(4);
    }

    @Test
    void theKeyCoversTheSeed() throws Exception {
        model().chat(question("s7", CallContext.Purpose.ANSWER));
        assertThat(loopback.server().requests()).isEqualTo(1);

        // Another seed may give another answer even at temperature 0: it must be asked.
        model(Map.of("interfeedback.model.weak.seed", "99"), k -> null).chat(question("s7", CallContext.Purpose.ANSWER));
        assertThat(loopback.server().requests()).isEqualTo(2);
        model(Map.of("interfeedback.model.weak.seed", "none"), k -> null).chat(question("s7", CallContext.Purpose.ANSWER));
        assertThat(loopback.server().requests()).isEqualTo(3);

        model(Map.of("interfeedback.model.weak.seed", "99"), k -> null).chat(question("s7", CallContext.Purpose.ANSWER));
        assertThat(loopback.server().requests()).as("the same seed again is a cache hit").isEqualTo(3);
    }

    @Test
    void aLineTornByACrashIsSkippedAndTheNextAppendIsKept() throws Exception {
        Path cacheDir = dir.resolve("torn");
        String k1 = "1".repeat(64), k2 = "2".repeat(64), k3 = "3".repeat(64);
        ResponseCache.reopen(cacheDir).put(k1, new ChatResponse("one\ttab\nnewline \\ back", new Usage(1, 2)));
        Files.writeString(cacheDir.resolve(ResponseCache.FILE), k2 + "\t5\t6\tcut sh", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        ResponseCache.reopen(cacheDir).put(k3, new ChatResponse("three", new Usage(3, 4)));
        ResponseCache reopened = ResponseCache.reopen(cacheDir);

        assertThat(reopened.size()).isEqualTo(3 - 1);
        assertThat(reopened.get(k1)).contains(new ChatResponse("one\ttab\nnewline \\ back", new Usage(1, 2)));
        assertThat(reopened.get(k2)).isEmpty();
        assertThat(reopened.get(k3)).contains(new ChatResponse("three", new Usage(3, 4)));
    }

    @Test
    void gluedOrBrokenLinesAreNotEntries() {
        String key = "a".repeat(64);
        assertThat(ResponseCache.parse(key + "\t1\t2\tok\tend")).isNotNull();
        assertThat(ResponseCache.parse(key + "\t1\t2\tcut short")).isNull();
        assertThat(ResponseCache.parse(key + "\t1\t2\tcut" + key + "\t1\t2\tnext\tend")).isNull();
        assertThat(ResponseCache.parse(key + "\t1\t2\tbad escape \\q\tend")).isNull();
        assertThat(ResponseCache.parse("short\t1\t2\ttext\tend")).isNull();
        assertThat(ResponseCache.parse(key + "\tx\t2\ttext\tend")).isNull();
    }
}
