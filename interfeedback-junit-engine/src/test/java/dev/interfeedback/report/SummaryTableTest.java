package dev.interfeedback.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.Rate;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.feedback.FeedbackKind;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    /** A server's error body is text from outside: printed on a terminal, it must not act on it. */
    @Test
    void anErrorEchoedByAServerIsShownEscapedOnOneLine() {
        BenchmarkResult result = new BenchmarkResult("b", "d", new ModelInfo("weak", "weak-model", false),
                new ModelInfo("strong", "gpt-4o", false), FeedbackKind.BINARY, 1, new Rate(1, 1), List.of(
                        new Episode("s1\u001b[2J", "c", EpisodeStatus.ERROR, null, List.of(),
                                "HTTP 500: \u001b[2J\nBUILD SUCCESS\r\u0000", Usage.NONE, Usage.NONE)));

        assertThat(SummaryTable.render(result))
                .contains("for example s1\\u001b[2J: HTTP 500: \\u001b[2J BUILD SUCCESS\\r\\u0000\n")
                .doesNotContain("\u001b").doesNotContain("\u0000").doesNotContain("\r");
    }
}
