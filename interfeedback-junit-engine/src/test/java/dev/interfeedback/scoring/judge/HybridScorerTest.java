package dev.interfeedback.scoring.judge;

import dev.interfeedback.model.http.HttpModelSettings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.dataset.DatasetLoad;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.dataset.mathverse.MathVerseLoader;
import dev.interfeedback.dataset.mathverse.MathVerseOptions;
import dev.interfeedback.model.openai.OpenAiCompatibleModel;
import dev.interfeedback.scoring.Scorer;
import dev.interfeedback.scoring.Verdict;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Scoring mode hybrid against a judge on loopback: rules where certain, the two-step judge where unsure. */
class HybridScorerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @StartStop
    private final MockWebServer judgeServer = new MockWebServer();

    private final DatasetLoad load = new MathVerseLoader(MathVerseOptions.defaults())
            .load(Path.of("src/test/resources/mathverse/testmini_text_only.json"));
    private final Sample sphere = load.dataset().samples().stream()
            .filter(s -> s.id().equals("mathverse-641")).findFirst().orElseThrow();

    private HybridScorer hybrid() {
        OpenAiCompatibleModel judge = OpenAiCompatibleModel.create(
                HttpModelSettings.builder("judge", judgeServer.url("/v1").toString(), "gpt-judge").build(), name -> null);
        return new HybridScorer(new Scorer(), new MathVerseTwoStepJudge(judge));
    }

    @Test
    void certainVerdictsNeverAskTheJudge() {
        Verdict verdict = hybrid().score("The volume is V = 4/3 π r^3.\nAnswer: 904.78 cm^3", sphere);

        assertThat(verdict).isEqualTo(new Verdict("904.78", true, "answer-line/number", true));
        Verdict wrong = hybrid().score("Answer: 904.8", sphere);
        assertThat(wrong.correct()).isFalse();
        assertThat(wrong.certain()).isTrue();
        assertThat(hybrid().score("  ", sphere)).isEqualTo(Verdict.empty());
        assertThat(judgeServer.getRequestCount()).isZero();
    }

    @Test
    void unsureVerdictsAreTheJudgesAfterItsTwoSteps() throws Exception {
        judgeServer.enqueue(completion("Extracted Answer: 904.78"));
        judgeServer.enqueue(completion("Judgement: 1"));
        String response = "Using the formula for a sphere we get roughly nine hundred and five cubic centimetres, "
                + "904.78 to be precise";

        assertThat(new Scorer().score(response, sphere).certain()).isFalse();
        Verdict verdict = hybrid().score(response, sphere);

        assertThat(verdict).isEqualTo(new Verdict("904.78", true, MathVerseTwoStepJudge.RULE, true));
        assertThat(judgeServer.getRequestCount()).isEqualTo(2);
        JsonNode extract = body(judgeServer.takeRequest());
        assertThat(extract.path("model").asText()).isEqualTo("gpt-judge");
        assertThat(extract.path("messages").get(0).path("content").asText())
                .endsWith("Model response: '" + response + "'\nExtracted Answer: ");
        JsonNode score = body(judgeServer.takeRequest());
        assertThat(score.path("messages").get(0).path("content").asText())
                .contains("[Standard Answer]: Volume $=904.78 \\mathrm{~cm}^{3}$\n[Model_answer] : 904.78\nJudgement:");
    }

    private static MockResponse completion(String content) {
        ObjectMapper json = new ObjectMapper();
        var body = json.createObjectNode();
        var message = body.putArray("choices").addObject().putObject("message");
        message.put("role", "assistant").put("content", content);
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body.toString()).build();
    }

    private static JsonNode body(RecordedRequest request) throws Exception {
        return JSON.readTree(request.getBody().utf8());
    }
}
