package dev.interfeedback.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.dataset.Sample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultipleChoiceExtractorTest {

    private static final List<String> OPTIONS = List.of("apple", "banana", "cherry", "date");
    private final MultipleChoiceExtractor extractor = new MultipleChoiceExtractor();

    private String read(String response) {
        return extractor.extract(response, OPTIONS).orElse(null);
    }

    @Test
    void takesTheSingleLetterAfterTheLastAnswerMark() {
        assertThat(read("(A) looks tempting. Answer: B\nbut first Answer: A. Finally, Answer: C")).isEqualTo("C");
    }

    @Test
    void answerMarkFindsLettersAsPlainSubstringsLikeTheOfficialCode() {
        // "Definitely" names D as well as B, so the Answer: rule gives up; the "B " rule decides.
        assertThat(read("Answer: Definitely B")).isEqualTo("B");
    }

    @Test
    void parenthesisedLetterComesFirst() {
        assertThat(read("I think (B) is right, not D ")).isEqualTo("B");
    }

    @Test
    void letterFollowedBySpace() {
        assertThat(read("The correct option is C here")).isEqualTo("C");
        assertThat(read("D")).isEqualTo("D"); // padding makes a bare letter "D "
    }

    @Test
    void letterFollowedByPeriod() {
        assertThat(read("my pick:B.done")).isEqualTo("B");
    }

    @Test
    void periodFormIsRankedBySpacedLetterSoTheFirstLetterWinsWhenNeitherIsSpaced() {
        // Official quirk: "A." candidates are ranked by rfind(" A "), -1 for both, argmax takes A.
        assertThat(read("it's A.or C.fine")).isEqualTo("A");
    }

    @Test
    void lastOccurrenceWinsAmongSeveralCandidates() {
        assertThat(read("(A) is wrong, so (C) it is, (B) was close")).isEqualTo("B");
        assertThat(read("Answer: B or D")).isEqualTo("D");
    }

    @Test
    void aLetterNamedAgainLastWinsOverOneNamedOnlyInBetween() {
        // By its last occurrence B is latest; by its first, C would be.
        assertThat(read("(B) at first, then (C), and in the end (B)")).isEqualTo("B");
        assertThat(read("B at first, then C and in the end B again")).isEqualTo("B");
    }

    @Test
    void optionTextInALongerResponse() {
        assertThat(read("I would go with the banana in this case")).isEqualTo("B");
    }

    @Test
    void latestOptionTextWins() {
        assertThat(read("the apple is tempting but cherry wins overall")).isEqualTo("C");
    }

    @Test
    void optionTextIsIgnoredInShortResponses() {
        assertThat(read("surely the banana")).isNull(); // five tokens or fewer, as in the official code
    }

    @Test
    void nothingFoundIsUnparsedInsteadOfARandomLetter() {
        assertThat(read("I am not sure about this one at all")).isNull();
        assertThat(read("")).isNull();
        assertThat(read(null)).isNull();
    }

    @Test
    void scorerComparesLettersIgnoringCaseAndSpaces() {
        Sample sample = new Sample("q1", "?", List.<Path>of(), OPTIONS, " b ", "fruit", Map.of());
        Scorer scorer = new Scorer();
        assertThat(scorer.score("Answer: B", sample)).isEqualTo(new Verdict("B", true, "official-parser", true));
        assertThat(scorer.score("Answer: C", sample)).isEqualTo(new Verdict("C", false, "official-parser", true));
        Verdict unparsed = scorer.score("no idea", sample);
        assertThat(unparsed).isEqualTo(Verdict.unparsed("unparsed"));
        assertThat(unparsed.reward()).isZero();
    }
}
