package dev.interfeedback.dataset.mathverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.dataset.DatasetLoad;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.scoring.Scorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The answer quirks of the real MathVerse data, loaded and then scored by the rule-based scorer. */
class MathVerseScoringTest {

    private static final String QUESTION = "If angle C = 65.0, then the degree of angle P is ()\nChoices:\nA:65°\nB:130°\nC:50°\nD:100°";

    private final Scorer scorer = new Scorer();

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} in the answer field reads as {1}")
    @CsvSource(delimiter = '|', value = {
        "C | C", "(C) | C", "C. | C", "c | C", "C: 50° | C", "130° | B", "100 ° | D", "'C\nD' | C, D", "A and C | A, C"})
    void multipleChoiceAnswersAreReadAsLetters(String published, String letters) throws Exception {
        Sample sample = loadOne(MathVerseRecords.record("1", "1", "Text Only", QUESTION, "", published, "multi-choice"));

        assertThat(sample.answer()).isEqualTo(letters);
        assertThat(sample.metadata()).containsEntry(MathVerseLoader.ANSWER_AS_PUBLISHED, published);
    }

    @Test
    void anAnswerOutsideTheOptionsIsABadRecord() throws Exception {
        Path json = write(MathVerseRecords.record("1", "1", "Text Only", QUESTION, "", "F", "multi-choice"));

        assertThatThrownBy(() -> new MathVerseLoader(MathVerseOptions.defaults()).load(json))
                .hasMessageContaining("field \"answer\": answer \"F\" names option F, but the question has 4 options (A-D)")
                .hasMessageContaining("(row id \"mathverse-1\")");
    }

    @Test
    void quirkyMultipleChoiceAnswersScore() throws Exception {
        Sample parenthesized = loadOne(MathVerseRecords.record("1", "1", "Text Only", QUESTION, "", "(C)", "multi-choice"));
        assertThat(scorer.score("The angle is 50°.\nAnswer: C", parenthesized).correct()).isTrue();

        Sample optionText = loadOne(MathVerseRecords.record("1", "1", "Text Only", QUESTION, "", "130°", "multi-choice"));
        assertThat(scorer.score("So the answer is (B).", optionText).correct()).isTrue();
        assertThat(scorer.score("So the answer is (C).", optionText).correct()).isFalse();

        Sample two = loadOne(MathVerseRecords.record("1", "1", "Text Only", QUESTION, "", "C\nD", "multi-choice"));
        assertThat(scorer.score("Both hold.\nAnswer: C and D", two).correct()).isTrue();
        assertThat(scorer.score("Both hold.\nAnswer: (D), (C)", two).correct()).isTrue();
        assertThat(scorer.score("Answer: C", two).correct()).isFalse();
        assertThat(scorer.score("Answer: A, C, D", two).correct()).isFalse();
    }

    @Test
    void visionOnlyQuestionsBorrowTheirOptionsFromAnotherVersion() throws Exception {
        Path json = write(
                MathVerseRecords.record("10", "7", "Vision Only", "", "", "B", "multi-choice")
                        .replace("\"image\":\"\"", "\"image\":\"a.png\""),
                MathVerseRecords.record("11", "7", "Text Lite", QUESTION, "a.png", "B", "multi-choice"),
                MathVerseRecords.record("12", "8", "Text Only", "What is x?", "", "B", "multi-choice"));
        Files.copy(MathVerseLoaderTest.PNG, json.resolveSibling("a.png"));

        DatasetLoad load = new MathVerseLoader(MathVerseOptions.defaults()).load(json);

        Sample visionOnly = MathVerseLoaderTest.byId(load, "mathverse-10");
        assertThat(visionOnly.options()).containsExactly("65°", "130°", "50°", "100°");
        assertThat(visionOnly.question()).isEqualTo(MathVerseLoader.QUESTION_IN_IMAGE);
        assertThat(visionOnly.metadata()).containsEntry("options_from", "another version of problem 7");
        Sample noOptions = MathVerseLoaderTest.byId(load, "mathverse-12");
        assertThat(noOptions.options()).containsExactly("(A)", "(B)", "(C)", "(D)");
        assertThat(scorer.score("Answer: B", noOptions).correct()).isTrue();
    }

    @ParameterizedTest(name = "mathverse-{0}: \"{1}\" is {2}")
    @CsvSource(delimiter = '|', value = {
        "641 | The volume is about 904.78 cm³. | true",
        "641 | Answer: 904.8 | false",
        "556 | Answer: -4.9 | true",
        "428 | Answer: 1924.23 square units | true",
        "428 | Answer: \\frac{1225\\pi}{2} | true",
        "332 | Answer: 230° | true",
        "391 | Answer: D = 13.37 | true",
        "359 | Answer: 51.12 | false",
        "504 | Answer: even | true",
        "23 | Answer: C | true",
        "23 | Answer: A | false"})
    void realAnswersWithUnitsLatexAndRepeatsScore(String index, String response, boolean correct) {
        DatasetLoad load = new MathVerseLoader(MathVerseOptions.defaults())
                .load(MathVerseLoaderTest.REAL.resolve("testmini_text_only.sample.json"));

        Sample sample = MathVerseLoaderTest.byId(load, "mathverse-" + index);

        assertThat(scorer.score(response, sample).correct()).as(sample.answer()).isEqualTo(correct);
    }

    @Test
    void realModelAnswersOfProblem685() throws Exception {
        JsonNode records = new ObjectMapper().readTree(MathVerseLoaderTest.REAL.resolve("output_testmini.sample.json").toFile());
        List<Boolean> verdicts = new ArrayList<>();
        for (JsonNode record : records) {
            Sample sample = new Sample("mathverse-" + record.get("sample_index").asText(), record.get("question").asText(),
                    List.of(), List.of(), record.get("answer").asText(), null, java.util.Map.of());
            verdicts.add(scorer.score(record.get("model_answer").asText(), sample).correct());
        }
        // The Vision Only answer rounds 14.32 to 13: wrong; the other four say 14.
        assertThat(verdicts).containsExactly(true, true, true, true, false);
    }

    private Sample loadOne(String record) throws Exception {
        return new MathVerseLoader(MathVerseOptions.defaults()).load(write(record)).dataset().samples().get(0);
    }

    private Path write(String... records) throws Exception {
        Path json = temp.resolve("testmini.json");
        Files.writeString(json, "[\n" + String.join(",\n", records) + "\n]");
        return json;
    }
}
