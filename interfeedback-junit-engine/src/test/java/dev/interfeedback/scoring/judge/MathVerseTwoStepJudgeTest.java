package dev.interfeedback.scoring.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.RoundZero;
import dev.interfeedback.dataset.mathverse.MathVerseLoader;
import dev.interfeedback.dataset.mathverse.MathVerseOptions;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.scoring.Verdict;
import dev.interfeedback.testing.ScriptedModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MathVerseTwoStepJudgeTest {

    private final Sample tangent = new MathVerseLoader(MathVerseOptions.defaults())
            .load(Path.of("src/test/resources/mathverse/testmini_text_only.sample.json"))
            .dataset().samples().stream().filter(s -> s.id().equals("mathverse-23")).findFirst().orElseThrow();

    @Test
    void extractsThenJudgesWithThePublishedPrompts() {
        ScriptedModel model = new ScriptedModel("judge", "Extracted Answer: C", "Judgement: 1");

        Verdict verdict = new MathVerseTwoStepJudge(model).judge("So angle P is 50°, option C.", tangent);

        assertThat(verdict).isEqualTo(new Verdict("C", true, "judge", true));
        String extract = model.requests().get(0).messages().get(0).text();
        assertThat(extract).startsWith("I am providing you a response from a model to a math problem, termed 'Model Response'.")
                .contains("Model response: 'Rounded to two decimal places, the perimeter of the sector is approximately:\n\n(-2, 1)'")
                .contains("cos(38°)")
                .endsWith("\n\n7.\n\nModel response: 'So angle P is 50°, option C.'\nExtracted Answer: ");
        String score = model.requests().get(1).messages().get(0).text();
        assertThat(score).startsWith("Below are two answers to a math question.")
                .contains("determine its equation.A. \\frac{x^2}{81} + \\frac{y^2}{9} = 1 B. Can not determine.\n")
                .endsWith("[Question]: As shown in the figure, PA and PB are tangent to circle O at A and B respectively."
                        + " If angle C = 65.0, then the degree of angle P is ()\nChoices:\nA:65°\nB:130°\nC:50°\nD:100°\n"
                        + "[Standard Answer]: C\n[Model_answer] : C\nJudgement:");
    }

    @Test
    void asksAgainWhenTheJudgementIsNotZeroOrOne() {
        ScriptedModel model = new ScriptedModel("judge", "B", "The answers differ.", "Judgement: 0");

        assertThat(new MathVerseTwoStepJudge(model).judge("B", tangent)).isEqualTo(new Verdict("B", false, "judge", true));
        assertThat(model.requests()).hasSize(3);

        ScriptedModel stubborn = new ScriptedModel("judge", "B", "maybe", "maybe");
        assertThatThrownBy(() -> new MathVerseTwoStepJudge(stubborn, 2).judge("B", tangent))
                .isInstanceOf(JudgeException.class).hasMessageContaining("answered \"maybe\" instead of 0 or 1, 2 times");
    }

    @Test
    void aFailingJudgeIsAnErrorNotAWrongAnswer() {
        ScriptedModel model = new ScriptedModel("judge", new ModelException("HTTP 503 after 3 retries"));

        assertThatThrownBy(() -> new MathVerseTwoStepJudge(model).judge("C", tangent))
                .isInstanceOf(JudgeException.class).hasMessageContaining("HTTP 503 after 3 retries")
                .hasCauseInstanceOf(ModelException.class);
    }

    @Test
    void aJudgeFailureMakesRoundZeroAnErrorNotAWrongAnswer() {
        ScriptedModel receiver = new ScriptedModel("receiver", "Answer: C");
        MathVerseTwoStepJudge judge = new MathVerseTwoStepJudge(new ScriptedModel("judge", new ModelException("HTTP 500")));

        RoundZero roundZero = RoundZero.answer(receiver, judge::judge, tangent);

        assertThat(roundZero.failed()).isTrue();
        assertThat(roundZero.error()).startsWith("scoring: the judge").contains("HTTP 500");
    }

    @Test
    void placeholdersInTheValuesAreNotReplacedAgain() {
        assertThat(MathVerseJudgePrompts.score("what is {gt}?", "7", "{extraction}"))
                .endsWith("[Question]: what is {gt}?\n[Standard Answer]: 7\n[Model_answer] : {extraction}\nJudgement:");
    }
}
