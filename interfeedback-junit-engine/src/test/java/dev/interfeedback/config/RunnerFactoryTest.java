package dev.interfeedback.config;

import static dev.interfeedback.testing.ChatCompletions.completion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.testing.ToldEpisodes;
import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.RoundListener;
import dev.interfeedback.testing.TestSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runner a user's settings build, against models on a loopback server: the receiver answers
 * "twelve" where the ground truth is 12, which the rules score wrong and the judge (answering 1
 * to everything) scores right, so the verdict says which one scored.
 */
class RunnerFactoryTest {

    private static final Dataset ONE_FREE_FORM = new Dataset("free", Path.of("free.jsonl"),
            List.of(new Sample("f1", "How many edges?", List.of(), List.of(), "12", "geometry", Map.of())));

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final AtomicInteger judgeCalls = new AtomicInteger();

    @BeforeEach
    void script() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.startsWith("/judge/")) {
                    judgeCalls.incrementAndGet();
                    return completion("1");
                }
                return completion(path.startsWith("/receiver/") ? "Answer: twelve" : "Answer: 12");
            }
        });
    }

    @Test
    void mathVerseJudgeScoringScoresEveryAnswerByTheJudge() throws Exception {
        ToldEpisodes told = new ToldEpisodes();
        BenchmarkResult result = run("judge", told);

        Episode episode = told.inOrderOf(ONE_FREE_FORM).get(0);
        assertThat(episode.status()).isEqualTo(EpisodeStatus.CORRECT_AT_ROUND_0);
        assertThat(episode.rounds().get(0).extracted()).as("the judge's extraction").isEqualTo("1");
        // Two steps (extract, then judge) for each model's round-0 answer.
        assertThat(judgeCalls).hasValue(4);
        assertThat(result.judge().alias()).isEqualTo("judge");
    }

    @Test
    void rulesScoringNeverAsksTheJudge() throws Exception {
        ToldEpisodes told = new ToldEpisodes();
        BenchmarkResult result = run("rules", told);

        assertThat(told.inOrderOf(ONE_FREE_FORM).get(0).status()).isEqualTo(EpisodeStatus.NOT_CORRECTED);
        assertThat(judgeCalls).hasValue(0);
        assertThat(result.judge()).isNull();
    }

    private BenchmarkResult run(String scoring, ToldEpisodes told) throws InterruptedException {
        Map<String, String> settings = new HashMap<>();
        settings.put("interfeedback.receiver", "r");
        settings.put("interfeedback.provider", "p");
        settings.put("interfeedback.feedback", "binary");
        settings.put("interfeedback.rounds", "1");
        settings.put("interfeedback.cache.enabled", "false");
        settings.put(DatasetSettings.MATHVERSE_SCORING, scoring);
        for (String alias : List.of("r", "p", "judge")) {
            String path = alias.equals("r") ? "/receiver/v1" : alias.equals("p") ? "/provider/v1" : "/judge/v1";
            settings.put("interfeedback.model." + alias + ".url", server.url(path).toString());
            settings.put("interfeedback.model." + alias + ".name", alias + "-model");
        }
        return RunnerFactory.create(TestSettings.of(settings), name -> null)
                .run("b", ONE_FREE_FORM, RoundListener.NONE, told);
    }
}
