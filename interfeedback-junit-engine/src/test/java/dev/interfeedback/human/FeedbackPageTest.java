package dev.interfeedback.human;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's server over HTTP on loopback: who may ask, what it hands out, and what it keeps. */
class FeedbackPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    @TempDir
    Path dir;

    private final OkHttpClient http = new OkHttpClient();
    private FeedbackPage page;

    @AfterEach
    void close() throws Exception {
        if (page != null) page.close();
    }

    @Test
    void onlyTheTokenAndTheServersOwnHostGetIn() throws Exception {
        page = start();
        String base = "http://127.0.0.1:" + page.url().getPort();

        try (Response none = http.newCall(new Request.Builder().url(base + "/").build()).execute()) {
            assertThat(none.code()).isEqualTo(403);
        }
        try (Response wrong = http.newCall(new Request.Builder().url(base + "/?token=0123").build()).execute()) {
            assertThat(wrong.code()).isEqualTo(403);
        }
        // A DNS-rebinding page reaches the port under its own name.
        try (Response rebound = http.newCall(new Request.Builder().url(page.url().toString())
                .header("Host", "attacker.example:" + page.url().getPort()).build()).execute()) {
            assertThat(rebound.code()).isEqualTo(403);
        }
        try (Response ok = http.newCall(new Request.Builder().url(page.url().toString()).build()).execute()) {
            assertThat(ok.code()).isEqualTo(200);
            assertThat(ok.header("Content-Security-Policy")).isEqualTo(FeedbackPage.CSP).contains("default-src 'none'");
            assertThat(ok.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(ok.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Strict");
            assertThat(ok.body().string()).contains("<script src=\"app.js\" defer></script>").doesNotContain("<script>");
        }
        // A post without the page's header is what a cross-site form would send.
        String token = page.url().getQuery().substring("token=".length());
        try (Response forged = http.newCall(new Request.Builder().url(base + "/api/submit?token=" + token)
                .post(RequestBody.create("{}", JSON_TYPE)).build()).execute()) {
            assertThat(forged.code()).isEqualTo(403);
        }
    }

    @Test
    void aTaskGoesToOneAnnotatorAndItsTextIsJournaledBeforeTheEpisodeGoesOn() throws Exception {
        page = start();
        CompletableFuture<WrittenFeedback> first = async(ScriptedFeedbackTest.task("q1", 1));
        CompletableFuture<WrittenFeedback> second = async(ScriptedFeedbackTest.task("q2", 1));

        JsonNode ana = awaitTask("ana");
        JsonNode ben = awaitTask("ben");
        assertThat(List.of(ana.path("sampleId").asText(), ben.path("sampleId").asText())).containsExactlyInAnyOrder("q1", "q2");
        assertThat(state("ana").path("task").path("id").asText()).as("the same task on a reload").isEqualTo(ana.path("id").asText());
        assertThat(ana.path("groundTruth").asText()).isEqualTo("(B) two");
        assertThat(ana.path("receiver").asText()).as("the model's name is hidden").isEqualTo("the model");
        assertThat(post("/api/submit", ben.path("id").asText(), "ana", "not mine").code()).as("ben's task").isEqualTo(400);

        assertThat(post("/api/draft", ana.path("id").asText(), "ana", "Look at the").code()).isEqualTo(200);
        assertThat(state("ana").path("task").path("text").asText()).isEqualTo("Look at the");
        assertThat(post("/api/submit", ana.path("id").asText(), "ana", "Look at the axis.").code()).isEqualTo(200);

        CompletableFuture<WrittenFeedback> done = ana.path("sampleId").asText().equals("q1") ? first : second;
        WrittenFeedback written = done.get(5, TimeUnit.SECONDS);
        assertThat(written.text()).isEqualTo("Look at the axis.");
        assertThat(written.authorship().annotator()).isEqualTo("ana");
        assertThat(Files.readString(dir.resolve("session.jsonl"))).contains("\"type\":\"feedback\"").contains("Look at the axis.");
        assertThat(state("ana").path("given").asInt()).isEqualTo(1);
    }

    @Test
    void aRestartedPageAnswersJournaledTasksAtOnceAndGivesEachPersonTheirTaskAndDraftBack() throws Exception {
        page = start();
        FeedbackTask done = ScriptedFeedbackTest.task("q1", 1), typing = ScriptedFeedbackTest.task("q2", 1);
        CompletableFuture<WrittenFeedback> first = async(done);
        JsonNode task = awaitTask("ana");
        post("/api/submit", task.path("id").asText(), "ana", "Count the sides.");
        first.get(5, TimeUnit.SECONDS);
        async(typing);
        JsonNode open = awaitTask("ana");
        post("/api/draft", open.path("id").asText(), "ana", "Half written");
        page.close();

        page = start();
        assertThat(page.await(done).text()).as("journaled: nobody is asked again").isEqualTo("Count the sides.");
        async(typing);
        JsonNode back = awaitTask("ana");
        assertThat(state("ben").path("task").isNull()).as("still ana's").isTrue();
        assertThat(back.path("sampleId").asText()).isEqualTo("q2");
        assertThat(back.path("text").asText()).isEqualTo("Half written");
    }

    private FeedbackPage start() throws Exception {
        return FeedbackPage.start(new FeedbackPage.Options(dir.resolve("session.jsonl"), 0, "gpt-test", false));
    }

    private CompletableFuture<WrittenFeedback> async(FeedbackTask task) {
        FeedbackPage current = page;
        return CompletableFuture.supplyAsync(() -> {
            try {
                return current.await(task);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The annotator's task, once one has arrived. */
    private JsonNode awaitTask(String annotator) throws Exception {
        for (int i = 0; i < 500; i++) {
            JsonNode task = state(annotator).path("task");
            if (!task.isNull()) return task;
            Thread.sleep(10);
        }
        throw new AssertionError("no task arrived for " + annotator);
    }

    private JsonNode state(String annotator) throws Exception {
        return JSON.readTree(get("/api/state?annotator=" + annotator));
    }

    private String get(String path) throws Exception {
        try (Response response = http.newCall(new Request.Builder().url(page.url().resolve(path) + sep(path) + token()).build())
                .execute()) {
            assertThat(response.code()).isEqualTo(200);
            return response.body().string();
        }
    }

    private Response post(String path, String task, String annotator, String text) throws Exception {
        String body = JSON.createObjectNode().put("task", task).put("annotator", annotator).put("text", text).toString();
        Response response = http.newCall(new Request.Builder().url(page.url().resolve(path) + "?" + token())
                .header("X-InterFeedback", "1").post(RequestBody.create(body, JSON_TYPE)).build()).execute();
        response.close();
        return response;
    }

    private String token() {
        return page.url().getQuery();
    }

    private static String sep(String path) {
        return path.contains("?") ? "&" : "?";
    }
}
