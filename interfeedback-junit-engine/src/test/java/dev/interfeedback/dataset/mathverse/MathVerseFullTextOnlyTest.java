package dev.interfeedback.dataset.mathverse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.dataset.DatasetLoad;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.scoring.Scorer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** All 788 real Text Only records load by default, quirks included, and their answers score. */
class MathVerseFullTextOnlyTest {

    private final DatasetLoad load = new MathVerseLoader(MathVerseOptions.defaults())
            .load(MathVerseLoaderTest.REAL.resolve("testmini_text_only.json"));
    private final Scorer scorer = new Scorer();

    @Test
    void everyRecordLoadsByDefault() {
        assertThat(load.dataset().size()).isEqualTo(788);
        assertThat(load.skipped()).isEmpty();
        assertThat(load.dataset().samples().stream().filter(Sample::isMultipleChoice).count()).isEqualTo(436);
    }

    @Test
    void aSingularChoiceHeaderIsAChoicesBlock() {
        Map.of("mathverse-339", 4, "mathverse-340", 4, "mathverse-429", 2, "mathverse-430", 2).forEach((id, options) -> {
            Sample sample = MathVerseLoaderTest.byId(load, id);
            assertThat(sample.options()).as(id).hasSize(options);
            assertThat(sample.question()).as(id).doesNotContain("Choice:");
        });
        assertThat(MathVerseLoaderTest.byId(load, "mathverse-429").answer()).isEqualTo("B"); // "False", the text of B
        Sample bearing = MathVerseLoaderTest.byId(load, "mathverse-339");
        assertThat(bearing.options()).containsExactly("090^\\circ T", "180^\\circ T", "049^\\circ T", "041^\\circ T");
        assertThat(bearing.answer()).isEqualTo("A");
        assertThat(scorer.score("The bearing is 090° T.\nAnswer: A", bearing).correct()).isTrue();
    }

    @Test
    void emptyOptionsKeepTheirLettersAndNameNothing() {
        Sample sample = MathVerseLoaderTest.byId(load, "mathverse-622");
        assertThat(sample.options()).hasSize(6);
        assertThat(sample.options().get(1)).isEmpty();
        assertThat(sample.options().get(4)).isEmpty();
        // No letter and no option text: nothing is named, not the blank option B found everywhere.
        String noLetter = "the intersection is where the two curves meet on the graph so i pick that one";
        assertThat(scorer.score(noLetter, sample).parsed()).isFalse();
        assertThat(scorer.score("It gives the solution to the equation, so Answer: C", sample).correct()).isTrue();
    }
}
