package dev.interfeedback.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.Round;
import dev.interfeedback.scoring.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    /** InterFeedback-Human: 30, 16 and 35 first corrections among 81 round-0 errors. */
    @Test
    void reproducesThePapersHumanStudyArithmetic() {
        Counts counts = new Counts(39, 0, 81, 0, 0, 0);
        Metrics metrics = Metrics.fromCounts(counts, new long[] {0, 30, 16, 35});

        assertThat(metrics.perRound()).extracting(RoundRate::round).containsExactly(1, 2, 3);
        assertThat(percent(metrics.perRound().get(0).rate())).isEqualTo("37.0");
        assertThat(percent(metrics.perRound().get(1).rate())).isEqualTo("19.8");
        assertThat(percent(metrics.perRound().get(2).rate())).isEqualTo("43.2");
        assertThat(metrics.correctionRate().value()).isEqualTo(1.0);
        assertThat(metrics.accuracy().value()).isCloseTo(39.0 / 120, within(1e-12));
    }

    @Test
    void perRoundRatesAddUpToTheCorrectionRate() {
        List<Episode> episodes = new ArrayList<>();
        episodes.add(episode("a", EpisodeStatus.CORRECT_AT_ROUND_0, null, true));
        episodes.add(episode("b", EpisodeStatus.CORRECTED, 1, false));
        episodes.add(episode("c", EpisodeStatus.CORRECTED, 3, false));
        episodes.add(episode("d", EpisodeStatus.NOT_CORRECTED, null, false));
        episodes.add(episode("e", EpisodeStatus.EXCLUDED, null, false));
        episodes.add(new Episode("f", "x", EpisodeStatus.ERROR, null, List.of(), "HTTP 500", null, null));

        Metrics metrics = Metrics.of(episodes, 3);

        assertThat(metrics.counts()).isEqualTo(new Counts(1, 1, 2, 1, 1, 0));
        assertThat(metrics.accuracy().value()).isEqualTo(1.0 / 5);
        assertThat(metrics.correctionRate().value()).isEqualTo(2.0 / 3);
        assertThat(metrics.perRound()).extracting(r -> r.rate().successes()).containsExactly(1L, 0L, 1L);
        double sum = metrics.perRound().stream().mapToDouble(r -> r.rate().value()).sum();
        assertThat(sum).isCloseTo(metrics.correctionRate().value(), within(1e-12));
        assertThat(metrics.errorRate().value()).isEqualTo(1.0 / 6);
    }

    /**
     * 20 samples: 8 right and 10 wrong at round 0, 2 errors; of the 10 wrong, the provider solves
     * 5 (the test set), and 2 of them are corrected at round 1, 1 at round 2. By hand: accuracy
     * 8/18, correction rate 3/5 (not 3/10: the denominator is the test set, not the round-0
     * errors), rate_1 2/5, rate_2 1/5, error rate 2/20.
     */
    @Test
    void ratesAreOverTheTestSetNotOverTheRoundZeroErrors() {
        Metrics metrics = Metrics.fromCounts(new Counts(8, 5, 3, 2, 2, 0), new long[] {0, 2, 1});

        assertThat(metrics.accuracy()).isEqualTo(new Rate(8, 18));
        assertThat(metrics.correctionRate()).isEqualTo(new Rate(3, 5));
        assertThat(metrics.correctionRate().value()).isEqualTo(0.6);
        assertThat(metrics.perRound()).containsExactly(new RoundRate(1, new Rate(2, 5)), new RoundRate(2, new Rate(1, 5)));
        assertThat(metrics.errorRate()).isEqualTo(new Rate(2, 20));
    }

    @Test
    void excludedSamplesAreWrongAtRoundZeroButOutsideTheTestSet() {
        List<Episode> episodes = List.of(
                episode("a", EpisodeStatus.EXCLUDED, null, false),
                episode("b", EpisodeStatus.EXCLUDED, null, false),
                episode("c", EpisodeStatus.CORRECTED, 2, false),
                episode("d", EpisodeStatus.CORRECT_AT_ROUND_0, null, true));

        Metrics metrics = Metrics.of(episodes, 2);

        assertThat(metrics.counts()).isEqualTo(new Counts(1, 2, 1, 0, 0, 0));
        assertThat(metrics.correctionRate()).isEqualTo(new Rate(1, 1));
        assertThat(metrics.perRound()).containsExactly(new RoundRate(1, new Rate(0, 1)), new RoundRate(2, new Rate(1, 1)));
        assertThat(metrics.accuracy()).isEqualTo(new Rate(1, 4));
    }

    @Test
    void anEmptyTestSetLeavesTheCorrectionRateUndefined() {
        Metrics metrics = Metrics.of(List.of(episode("a", EpisodeStatus.CORRECT_AT_ROUND_0, null, true)), 3);

        assertThat(metrics.correctionRate().defined()).isFalse();
        assertThat(metrics.correctionRate().format()).isEqualTo("n/a");
        assertThat(metrics.accuracy().value()).isEqualTo(1.0);
    }

    private static Episode episode(String id, EpisodeStatus status, Integer correctedAt, boolean round0) {
        List<Round> rounds = new ArrayList<>();
        rounds.add(new Round(0, "Answer: A", null, new Verdict("A", round0, "official-parser", true), null, null));
        return new Episode(id, "x", status, correctedAt, rounds, null, null, null);
    }

    private static String percent(Rate rate) {
        return String.format(java.util.Locale.ROOT, "%.1f", 100 * rate.value());
    }
}
