package dev.interfeedback.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.model.resilience.CallStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    private static Episode episode(String id, EpisodeStatus status) {
        return new Episode(id, "c", status, null, List.of(), status == EpisodeStatus.ERROR ? "HTTP 503" : null, null, null);
    }

    @Test
    void theLineSaysDoneOfTotalRateEtaRetriesAndErrors() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressReporter progress = new ProgressReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new CallStats(), Duration.ZERO, false)) {
            progress.started("mathverse", 2);
            progress.roundZeroDone("mathverse");
            assertThat(progress.line()).startsWith("progress mathverse: samples 0/2 (0%), 0.0/s, ETA ?, round-0 answers 1/4,");

            progress.roundZeroDone("mathverse");
            progress.episodeDone("mathverse", episode("a", EpisodeStatus.CORRECTED));
            progress.roundZeroDone("mathverse");
            progress.roundZeroDone("mathverse");
            progress.episodeDone("mathverse", episode("b", EpisodeStatus.ERROR));

            assertThat(progress.line())
                    .startsWith("progress mathverse: samples 2/2 (100%)")
                    .contains("/s, ETA 0s, round-0 answers 4/4, retries 0, 429s 0, errors 1");

            progress.started("next", 3);
            assertThat(progress.line()).startsWith("progress next: samples 0/3 (0%)")
                    .contains("round-0 answers 0/6").endsWith("errors 0");
        }
    }

    @Test
    void plainOutputGetsPeriodicLinesAndAFinalOne() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressReporter progress = new ProgressReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new CallStats(), Duration.ofMillis(20), false)) {
            progress.started("b", 1);
            progress.roundZeroDone("b");
            // Wait for a periodic line rather than a fixed time: a loaded machine may run the timer late.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!bytes.toString(StandardCharsets.UTF_8).contains("progress b") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            progress.episodeDone("b", episode("a", EpisodeStatus.CORRECT_AT_ROUND_0));
            progress.finished("b");
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines.length).isGreaterThanOrEqualTo(2);
        assertThat(lines[lines.length - 1]).startsWith("progress b: samples 1/1 (100%)");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
    }

    @Test
    void batchLinesArePrintedAtOnceOnTheirOwnLine() {
        ByteArrayOutputStream plain = new ByteArrayOutputStream(), terminal = new ByteArrayOutputStream();
        try (ProgressReporter log = new ProgressReporter(new PrintStream(plain, true, StandardCharsets.UTF_8), new CallStats(),
                Duration.ZERO, false);
                ProgressReporter console = new ProgressReporter(new PrintStream(terminal, true, StandardCharsets.UTF_8),
                        new CallStats(), Duration.ZERO, true)) {
            log.batches("mathverse", "batch batch_1 of gpt: in_progress (10 of 40 done, 1 failed); wave 1, 0 of 2 batches ended");
            console.batches("mathverse", "wave 2: 7 requests in 1 batch");
        }
        assertThat(plain.toString(StandardCharsets.UTF_8)).isEqualTo("progress mathverse: batch batch_1 of gpt: in_progress"
                + " (10 of 40 done, 1 failed); wave 1, 0 of 2 batches ended" + System.lineSeparator());
        // On a terminal it starts over the redrawn progress line, and leaves a line of its own.
        assertThat(terminal.toString(StandardCharsets.UTF_8)).isEqualTo("\rprogress mathverse: wave 2: 7 requests in 1 batch"
                + System.lineSeparator());
    }

    @Test
    void etasReadAsHoursMinutesSeconds() {
        assertThat(ProgressReporter.format(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(ProgressReporter.format(Duration.ofSeconds(125))).isEqualTo("2m05s");
        assertThat(ProgressReporter.format(Duration.ofSeconds(7260))).isEqualTo("2h01m");
    }
}
