package dev.interfeedback.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.dataset.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The misreadings reported on the real MathVerse free-form records, each read as a person reads it. */
class FreeFormIssueCasesTest {

    private static Map<String, Sample> byId;
    private final Scorer scorer = new Scorer();

    @BeforeAll
    static void load() throws IOException {
        byId = FreeFormCorpusTest.freeFormRecords().stream().collect(Collectors.toMap(Sample::id, Function.identity()));
    }

    @ParameterizedTest(name = "mathverse-{0}: \"{1}\" is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            641 | The volume of the sphere is approximately 904.78 cm^3.                  | true
            641 | The volume of the sphere is approximately 904.78 cm^3 (rounded).        | true
            641 | The volume of the sphere is approximately 904.8 cm^3.                   | false
            376 | The length of the side is 4√3.                                          | true
            376 | Answer: 4 sqrt(3)                                                        | true
            376 | Answer: 4*sqrt(3)                                                        | true
            376 | Answer: √48                                                              | true
            376 | Answer: 3                                                                | false
            374 | The distance is $\\frac{\\sqrt{30}}{2}$.                                  | true
            374 | The distance is $\\frac{\\sqrt{30}}{3}$.                                  | false
            633 | Answer: (90°, 5)                                                         | true
            633 | Answer: (x, y) = (90 degrees, 5)                                         | true
            633 | Answer: (90°, -5)                                                        | false
            427 | Answer: N 34° W                                                          | true
            427 | The bearing is N34°W.                                                    | true
            427 | Answer: N 34° E                                                          | false
            330 | Answer: S 23.5° W                                                        | true
            330 | Answer: W 23.5° S                                                        | false
            334 | Answer: 118° T                                                           | true
            334 | Answer: 118                                                              | true
            357 | Answer: 35°                                                              | true
            329 | The distance is 2191.7 metres.                                           | true
            329 | Answer: 2191.7 m                                                         | true
            694 | Answer: 15.5 litres                                                      | true
            596 | Answer: y+3 = 3/4(x-2)                                                   | true
            596 | Answer: y = 3/4 x - 3/2 - 3                                              | true
            596 | Answer: 4y + 12 = 3x - 6                                                 | true
            596 | Answer: y-3 = 3/4(x-2)                                                   | false
            452 | Answer: y-3 = 2/3(x-8)                                                   | true
            452 | Answer: y+3 = 2/3(x-8)                                                   | false
            434 | Answer: x^2/81 + y^2/9 = 1                                               | true
            434 | Answer: x^2 + 9y^2 = 81                                                  | true
            434 | Answer: 1                                                                | false
            434 | Answer: \\frac{x^2}{9}+\\frac{y^2}{81}=1                                  | false
            434 | Answer: \\frac{x^2}{81}-\\frac{y^2}{9}=1                                  | false
            420 | Answer: 5                                                                | true
            420 | Answer: s = 5                                                            | true
            420 | Answer: 6                                                                | false
            456 | The equation of the circle is $x^2+y^2=49$.                              | true
            456 | Answer: x^2+y^2=7                                                        | false
            510 | Answer: y >= -2x - 6                                                     | true
            510 | Answer: 2x + y + 6 ≥ 0                                                   | true
            510 | Answer: y > -2x - 6                                                      | false
            510 | Answer: y <= -2x - 6                                                     | false
            602 | Answer: [-5,-3) ∪ (-3,5]                                                 | true
            602 | Answer: [-5,-3] ∪ (-3,5]                                                 | false
            475 | Answer: (-∞, 4]                                                          | true
            475 | Answer: (-infinity, 4)                                                   | false
            538 | Answer: 8π/5                                                             | true
            538 | Answer: 1.6π                                                             | true
            538 | Answer: 5.03                                                             | true
            538 | Answer: 40                                                               | false
            747 | Answer: 7√3                                                              | true
            747 | Answer: 12.12                                                            | true
            432 | Answer: √68                                                              | true
            432 | Answer: 2\\sqrt{17}                                                      | true
            719 | Answer: 1:64                                                             | true
            719 | Answer: 1/64                                                             | true
            719 | Answer: 1:16                                                             | false
            595 | {"answer": "y = x - 5", "confidence": 0.7}                               | true
            348 | {"answer": 285, "confidence": 0.7}                                       | true
            348 | {"answer": 28.5, "confidence": 0.7}                                      | false
            504 | **Answer:** The function is even.                                        | true
            504 | Respuesta: even                                                          | true
            504 | 答案：even                                                                | true
            """)
    void readsAsAPersonReads(String index, String response, boolean correct) {
        Sample sample = byId.get("mathverse-" + index);

        Verdict verdict = scorer.score(response, sample);

        assertThat(verdict.correct()).as("%s read as %s", sample.answer(), verdict).isEqualTo(correct);
    }

    @Test
    void aNumberIsNeverAnExponentOrADigitInsideARootOrFraction() {
        Sample sample = byId.get("mathverse-641");
        assertThat(scorer.score("The volume of the sphere is 904.78 cm^3 or so", sample).extracted()).isEqualTo("904.78");
        Sample root = byId.get("mathverse-376");
        Verdict verdict = scorer.score("We find the side has length 4\\sqrt{3} units, I think so", root);
        assertThat(verdict.correct()).as(verdict.toString()).isTrue();
    }

    @Test
    void aJsonConfidenceIsNotTheAnswer() {
        Verdict verdict = scorer.score("{\"answer\": \"285\", \"confidence\": 0.7}", byId.get("mathverse-348"));
        assertThat(verdict.extracted()).isEqualTo("285");
        assertThat(verdict.rule()).startsWith("json/");
        assertThat(verdict.certain()).isTrue();
    }

    @Test
    void withoutAnAnswerExtractedIsTheFinalSentencesValueNotTheWholeResponse() {
        String response = "First we draw the triangle.\nThen we apply the sine rule to both sides of it.\n"
                + "The side we want is somewhere near the top";
        Verdict verdict = scorer.score(response, byId.get("mathverse-348"));
        assertThat(verdict.correct()).isFalse();
        assertThat(verdict.certain()).isFalse();
        assertThat(verdict.extracted()).isEqualTo("somewhere near the top");
    }

    @Test
    void markedAnswersAreCertainAndUnmarkedOnesAreNot() {
        Sample sample = byId.get("mathverse-348");
        assertThat(scorer.score("Answer: 285", sample)).isEqualTo(new Verdict("285", true, "answer-line/number", true));
        assertThat(scorer.score("Some work.\nSo it comes to 285.", sample))
                .isEqualTo(new Verdict("285", true, "final-sentence/number", false));
        assertThat(scorer.score("Answer: two hundred and eighty-five", sample).certain()).isFalse();
    }

    @Test
    void severalLettersEndWithTheAnswersSentence() {
        Sample two = new Sample("mv", "?", List.<Path>of(), List.of("a", "b", "c", "d"), "C, D", null, Map.of());
        Verdict verdict = scorer.score("Answer: (C) and (D). In Figure A the angle is larger.", two);
        assertThat(verdict.extracted()).isEqualTo("C, D");
        assertThat(verdict.correct()).isTrue();
        assertThat(scorer.score("Answer: C and D. In Figure A, B is right.", two).correct()).isTrue();
    }

    @Test
    void aJsonLetterIsReadWhereTheOfficialParserFindsNothing() {
        Sample sample = new Sample("mc", "?", List.<Path>of(), List.of("red", "green", "blue", "black"), "D", null, Map.of());
        assertThat(scorer.score("{\"answer\": \"D\"}", sample)).isEqualTo(new Verdict("D", true, "json", true));
    }
}
