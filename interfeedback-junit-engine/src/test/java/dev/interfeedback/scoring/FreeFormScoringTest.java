package dev.interfeedback.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.dataset.Sample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real MathVerse testmini ground truths, with plausible right and wrong model answers. */
class FreeFormScoringTest {

    private final Scorer scorer = new Scorer();

    private static Sample freeForm(String answer) {
        return new Sample("mv", "?", List.<Path>of(), List.of(), answer, "Text Only", Map.of());
    }

    @ParameterizedTest(name = "[{index}] truth {0} | response {1} -> {2}")
    // In a text block "\\" is one backslash, so the cells hold LaTeX as the dataset writes it.
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            230 ^\\circ T                     | Answer: 230° T                         | true
            230 ^\\circ T                     | Answer: $230^\\circ$                   | true
            230 ^\\circ T                     | The bearing is 230 degrees.            | true
            230 ^\\circ T                     | Answer: 050° T                         | false
            285                               | Answer: 285                            | true
            285                               | Answer: 285.0                          | true
            285                               | Answer: 28.5                           | false
            285                               | Answer: 285.4                          | false
            51.1                              | Answer: 51.1                           | true
            51.1                              | Answer: 51.10 cm                       | true
            51.1                              | **Answer:** 51.1                       | true
            51.1                              | Answer: 51.12                          | false
            51.1                              | Answer: 51                             | false
            45^\\circ                         | Answer: 45°                            | true
            45^\\circ                         | Answer: $45^{\\circ}$                  | true
            45^\\circ                         | Answer: 45 degrees                     | true
            45^\\circ                         | Answer: 135°                           | false
            $D=13.37$                         | Answer: D = 13.37                      | true
            $D=13.37$                         | Answer: 13.37                          | true
            $D=13.37$                         | Answer: D = 13.4                       | false
            \\frac{1225\\pi }{2} \\text { units }^2 | Answer: \\frac{1225\\pi}{2} units^2 | true
            \\frac{1225\\pi }{2} \\text { units }^2 | Answer: 612.5π units²              | true
            \\frac{1225\\pi }{2} \\text { units }^2 | Answer: 1924.23 square units       | true
            \\frac{1225\\pi }{2} \\text { units }^2 | Answer: 1924.2                     | true
            \\frac{1225\\pi }{2} \\text { units }^2 | Answer: 1925.22                    | false
            \\frac{1225\\pi }{2} \\text { units }^2 | Answer: 1225\\pi                   | false
            even                              | Answer: even                           | true
            even                              | Answer: Even.                          | true
            even                              | Answer: odd                            | false
            even                              | Answer: neither                        | false
            $y=21.61$                         | Answer: y = 21.61                      | true
            $y=21.61$                         | Answer: 21.6                           | false
            Volume $=904.78 \\mathrm{~cm}^{3}$ | Answer: 904.78 cm³                    | true
            Volume $=904.78 \\mathrm{~cm}^{3}$ | Answer: V = 904.78 \\text{ cm}^3      | true
            Volume $=904.78 \\mathrm{~cm}^{3}$ | Answer: 904.8 cm^3                    | false
            Total S.A. $=3222.80 \\mathrm{~mm}^{2}$ | Answer: 3222.8 mm^2              | true
            Total S.A. $=3222.80 \\mathrm{~mm}^{2}$ | Answer: 3,222.80 mm²             | true
            Total S.A. $=3222.80 \\mathrm{~mm}^{2}$ | Answer: 3222.08                  | false
            216.\\mathrm{cm}^2                | Answer: 216 cm^2                       | true
            216.\\mathrm{cm}^2                | Answer: 216.0 cm².                     | true
            216.\\mathrm{cm}^2                | Answer: 261 cm^2                       | false
            200 \\mathrm{cm}^3                | Answer: 200 cm^3                       | true
            200 \\mathrm{cm}^3                | Answer: $\\boxed{200}$                 | true
            200 \\mathrm{cm}^3                | so the volume is \\boxed{200} cm^3 in total, from 10 * 20 | true
            200 \\mathrm{cm}^3                | Answer: 2000 cm^3                      | false
            0                                 | Answer: 0                              | true
            0                                 | Answer: 0.0                            | true
            0                                 | The limit is 0.                        | true
            0                                 | Answer: 0.4                            | false
            $(x, y)=\\left(90^{\\circ}, 5\\right)$ | Answer: (x, y) = (90°, 5)         | true
            $(x, y)=\\left(90^{\\circ}, 5\\right)$ | Answer: (x, y) = (90°, -5)        | false
            $72 x-2 x^3$                      | Answer: V(x) = 72x - 2x^3              | true
            $72 x-2 x^3$                      | Answer: 72x - 2x^2                     | false
            domain: [-5,3) and range: [0,2]   | Answer: Domain: [-5, 3) and range: [0, 2] | true
            domain: [-5,3) and range: [0,2]   | Answer: Domain: [-5, 3] and range: [0, 2] | false
            63\\pi x^3+66\\pi x^2+15\\pi x litres | Answer: 63\\pi x^3 + 66\\pi x^2 + 15\\pi x litres | true
            """)
    void scoresMathVerseAnswers(String truth, String response, boolean correct) {
        Verdict verdict = scorer.score(response, freeForm(truth));
        assertThat(verdict.parsed()).isTrue();
        assertThat(verdict.correct()).as("extracted %s", verdict.extracted()).isEqualTo(correct);
    }

    @Test
    void multiLineTruthRepeatingOneValueIsThatValue() {
        Sample sample = freeForm("-4.9\n-4.9");
        assertThat(scorer.score("Answer: -4.9", sample).correct()).isTrue();
        assertThat(scorer.score("Answer: −4.9 m/s", sample).correct()).isTrue(); // Unicode minus
        assertThat(scorer.score("Answer: 4.9", sample).correct()).isFalse();
    }

    @Test
    void extractedIsTheAnswerAsRead() {
        assertThat(scorer.score("Answer: 51.10 cm", freeForm("51.1")).extracted()).isEqualTo("51.10");
        assertThat(scorer.score("Answer: Even.", freeForm("even")).extracted()).isEqualTo("Even");
    }

    @Test
    void emptyResponseIsUnparsedAndWrong() {
        assertThat(scorer.score("", freeForm("285"))).isEqualTo(Verdict.empty());
        assertThat(scorer.score("   \n ", freeForm("285"))).isEqualTo(Verdict.empty());
        assertThat(scorer.score(null, freeForm("285"))).isEqualTo(Verdict.empty());
        Verdict blankAnswer = scorer.score("Answer: $ $", freeForm("285"));
        assertThat(blankAnswer.parsed()).isFalse();
        assertThat(blankAnswer.correct()).isFalse();
    }

    @Test
    void groundTruthsReadAsWrittenInTheDataset() {
        FreeFormReader reader = new FreeFormReader();
        assertThat(reader.read("45^\\circ ").text()).isEqualTo("45");
        assertThat(reader.read("230 ^\\circ T").text()).isEqualTo("230");
        assertThat(reader.read("-4.9\n-4.9").text()).isEqualTo("-4.9");
        FreeFormAnswer area = reader.read("Total S.A. $=3222.80 \\mathrm{~mm}^{2}$");
        assertThat(area.label()).isEqualTo("Total S.A.");
        assertThat(area.value()).isInstanceOfSatisfying(MathForm.Scalar.class,
                v -> assertThat(v.decimals()).isEqualTo(2));
        assertThat(reader.read("216.\\mathrm{cm}^2").text()).isEqualTo("216");
        FreeFormAnswer exact = reader.read("\\frac{1225\\pi }{2} \\text { units }^2");
        assertThat(exact.value()).isInstanceOfSatisfying(MathForm.Scalar.class, v -> {
            assertThat(v.writtenDecimal()).isFalse();
            assertThat(v.expression().value()).isCloseTo(1225 * Math.PI / 2, org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(reader.read("\\frac{5\\left(5x+7\\right)}{2x+3} units").value())
                .isInstanceOfSatisfying(MathForm.Scalar.class, v -> assertThat(v.expression().variables()).containsExactly("x"));
    }

    /** Model output is data: no answer, however deep its nesting or long its chain, can overflow the scorer's stack. */
    @Test
    void hostileAnswersAreWrongNotACrash() {
        Sample sample = freeForm("12");
        for (String hostile : List.of("Answer: " + "(".repeat(5000) + "1", "Answer: " + "1 ".repeat(10000),
                "Answer: " + "x^".repeat(3000) + "x", "Answer: " + "\\sqrt{".repeat(3000) + "2" + "}".repeat(3000),
                "\\boxed{" + "-".repeat(20000) + "1}")) {
            assertThat(scorer.score(hostile, sample).correct()).as(hostile.substring(0, 20)).isFalse();
        }
    }
}
