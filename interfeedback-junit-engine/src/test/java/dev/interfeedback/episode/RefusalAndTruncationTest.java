package dev.interfeedback.episode;

import dev.interfeedback.model.http.HttpModelSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.feedback.BinaryFeedback;
import dev.interfeedback.feedback.DetailedFeedback;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.Usage;
import dev.interfeedback.model.openai.OpenAiCompatibleModel;
import dev.interfeedback.model.resilience.CachingModel;
import dev.interfeedback.model.resilience.CallStats;
import dev.interfeedback.model.resilience.ResponseCache;
import dev.interfeedback.scoring.Scorer;
import dev.interfeedback.scoring.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the receiver did is recorded per round: a refusal is a wrong answer with its text, a cut answer is marked. */
class RefusalAndTruncationTest {

    private static final String REFUSAL = "I'm sorry, but I can't help with that.";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final Sample sample = new Sample("q1", "Which?", List.<Path>of(), List.of("a", "b", "c", "d"), "C", "geo", Map.of());
    private final Verifier scorer = new Scorer()::score;

    private OpenAiCompatibleModel receiver() {
        return OpenAiCompatibleModel.create(
                HttpModelSettings.builder("receiver", server.url("/v1").toString(), "gpt-test").build(), name -> null);
    }

    @Test
    void aRefusalAtALaterRoundIsAWrongAnswerKeptInTheTestSet() {
        server.enqueue(body("""
                {"choices":[{"message":{"role":"assistant","content":null,"refusal":"%s"},"finish_reason":"stop"}]}"""
                .formatted(REFUSAL)));
        server.enqueue(body("""
                {"choices":[{"message":{"role":"assistant","content":"Let me work through each option in turn: A is"},
                 "finish_reason":"length"}]}"""));
        RoundZero wrong = new RoundZero("Answer: A", null, new Verdict("A", false, "official-parser", true), Usage.NONE, null);

        Episode episode = new EpisodeRunner(receiver(), new BinaryFeedback(), scorer, 2)
                .correct(sample, wrong, Usage.NONE, RoundListener.NONE);

        assertThat(episode.status()).isEqualTo(EpisodeStatus.NOT_CORRECTED);
        Round refused = episode.rounds().get(1);
        assertThat(refused.answer()).isEqualTo(REFUSAL);
        assertThat(refused.finishReason()).isEqualTo(ChatResponse.REFUSAL);
        assertThat(refused.verdict()).isEqualTo(Verdict.refusal());
        Round cut = episode.rounds().get(2);
        assertThat(cut.finishReason()).isEqualTo("length");
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.correct()).isFalse();
    }

    @Test
    void aRefusalAtRoundZeroIsAnsweredNotFailed() {
        server.enqueue(body("""
                {"choices":[{"message":{"role":"assistant","content":null,"refusal":"%s"}}]}""".formatted(REFUSAL)));

        RoundZero answer = RoundZero.answer(receiver(), scorer, sample);

        assertThat(answer.failed()).isFalse();
        assertThat(answer.response()).isEqualTo(REFUSAL);
        assertThat(answer.verdict()).isEqualTo(Verdict.refusal());
        assertThat(answer.toRound().finishReason()).isEqualTo(ChatResponse.REFUSAL);
    }

    @Test
    void anEmptyAnswerIsWrongNotAnError() {
        server.enqueue(body("""
                {"choices":[{"message":{"role":"assistant","content":"  "},"finish_reason":"stop"}]}"""));

        RoundZero answer = RoundZero.answer(receiver(), scorer, sample);

        assertThat(answer.failed()).isFalse();
        assertThat(answer.verdict()).isEqualTo(Verdict.empty());
    }

    @Test
    void cutAndRefusedAnswersAreAskedAgainRatherThanReplayedWithoutTheirReason(@TempDir Path cacheDir) {
        String refusal = """
                {"choices":[{"message":{"role":"assistant","content":null,"refusal":"%s"}}]}""".formatted(REFUSAL);
        server.enqueue(body(refusal));
        server.enqueue(body(refusal));
        CachingModel cached = new CachingModel(receiver(), "test", ResponseCache.open(cacheDir), new CallStats());

        assertThat(RoundZero.answer(cached, scorer, sample).verdict()).isEqualTo(Verdict.refusal());
        assertThat(RoundZero.answer(cached, scorer, sample).verdict()).isEqualTo(Verdict.refusal());
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    private static MockResponse body(String json) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build();
    }

    @Test
    void aProviderThatRefusesToWriteFeedbackMakesTheSampleAnErrorNotAHint() {
        server.enqueue(body("""
                {"choices":[{"message":{"role":"assistant","content":null,"refusal":"%s"}}]}""".formatted(REFUSAL)));
        OpenAiCompatibleModel provider = OpenAiCompatibleModel.create(
                HttpModelSettings.builder("provider", server.url("/v1").toString(), "gpt-strong").build(), name -> null);
        RoundZero wrong = new RoundZero("Answer: A", null, new Verdict("A", false, "official-parser", true), Usage.NONE, null);

        Episode episode = new EpisodeRunner(receiver(), new DetailedFeedback(provider), scorer, 2)
                .correct(sample, wrong, Usage.NONE, RoundListener.NONE);

        assertThat(episode.status()).isEqualTo(EpisodeStatus.ERROR);
        assertThat(episode.error()).contains("refused to write feedback").contains(REFUSAL);
        assertThat(server.getRequestCount()).as("the receiver is not asked again without feedback").isEqualTo(1);
    }

    /** Servers name a normal end in many ways; only a cut or refused answer stays out of the cache. */
    @Test
    void anAnswerThatEndedNormallyUnderAnyNameIsCached(@TempDir Path cacheDir) {
        server.enqueue(body("""
                {"choices":[{"message":{"role":"assistant","content":"Answer: C"},"finish_reason":"eos"}]}"""));
        CachingModel cached = new CachingModel(receiver(), "test", ResponseCache.open(cacheDir), new CallStats());

        RoundZero first = RoundZero.answer(cached, scorer, sample);
        RoundZero again = RoundZero.answer(cached, scorer, sample);

        assertThat(first.toRound().finishReason()).isNull();
        assertThat(again.verdict()).isEqualTo(first.verdict());
        assertThat(again.verdict().correct()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
