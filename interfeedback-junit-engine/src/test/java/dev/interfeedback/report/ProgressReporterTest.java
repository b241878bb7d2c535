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
            progress.roundZeroStarted("mathverse", 4);
            progress.roundZeroDone("mathverse");
            assertThat(progress.line()).startsWith("progress mathverse: round-0 answers 1/4 (25%)");

            progress.episodesStarted("mathverse", 2);
            progress.episodeDone("mathverse", episode("a", EpisodeStatus.CORRECTED));
            progress.episodeDone("mathverse", episode("b", EpisodeStatus.ERROR));

            assertThat(progress.line())
                    .startsWith("progress mathverse: samples 2/2 (100%)")
                    .contains("/s, ETA 0s, retries 0, 429s 0, errors 1");
        }
    }

    @Test
    void plainOutputGetsPeriodicLinesAndAFinalOne() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressReporter progress = new ProgressReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new CallStats(), Duration.ofMillis(20), false)) {
            progress.roundZeroStarted("b", 1);
            progress.roundZeroDone("b");
            progress.episodesStarted("b", 1);
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
    void etasReadAsHoursMinutesSeconds() {
        assertThat(ProgressReporter.format(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(ProgressReporter.format(Duration.ofSeconds(125))).isEqualTo("2m05s");
        assertThat(ProgressReporter.format(Duration.ofSeconds(7260))).isEqualTo("2h01m");
    }
}
