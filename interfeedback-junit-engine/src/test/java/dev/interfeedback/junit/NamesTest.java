package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Round;
import dev.interfeedback.prompt.Prompts;
import dev.interfeedback.scoring.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamesTest {

    static final Sample SAMPLE = new Sample("s1", "Which?", List.of(), List.of("x", "y"), "A", "c", Map.of());

    @Test
    void datasetIdsCannotLeaveTheOutputFolderNorCollide() {
        Path folder = Path.of("/out/transcripts/b");

        assertThat(folder.resolve(FileNames.safe("../../etc/passwd")).normalize()).startsWithRaw(folder);
        assertThat(FileNames.safe("a/b")).isNotEqualTo(FileNames.safe("a_b"));
        assertThat(FileNames.safe("..")).doesNotStartWith(".");
        assertThat(FileNames.safe("test_History_1")).isEqualTo("test_History_1");
    }

    @Test
    void aRoundIsShownByItsAnswerThenTheGistOfItsFeedback() {
        String detailed = Prompts.builtIn().detailedFeedback(SAMPLE, "Check the axis labels.");
        String binary = Prompts.builtIn().binaryFeedback(SAMPLE);

        assertThat(RoundEntries.gist(SAMPLE, detailed)).isEqualTo("Check the axis labels.");
        assertThat(RoundEntries.gist(SAMPLE, binary))
                .isEqualTo("Your previous answer is incorrect. Please reconsider and answer again.");
        assertThat(RoundEntries.of(SAMPLE, List.of(new Round(0, "Answer: B", null, new Verdict("B", false, "official-parser", true), null, null)),
                        new TranscriptFile.Location(Path.of("/out/transcripts/b.txt"), 41))
                .getKeyValuePairs())
                .containsExactly(Map.entry("round 0", "answered B (wrong)"), Map.entry("transcript", "/out/transcripts/b.txt:41"));
        assertThat(RoundEntries.summary(SAMPLE, new Round(1, "no idea", null, new Verdict(null, false, "official-parser", true), detailed, null)))
                .isEqualTo("answered (no answer found in \"no idea\") (wrong) after \"Check the axis labels.\"");
    }
}
