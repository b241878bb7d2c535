package dev.interfeedback.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.bench.BenchmarkResult.VerdictSources;
import dev.interfeedback.bench.EpisodeTotals.FirstError;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.Maintenance;
import dev.interfeedback.episode.Round;
import dev.interfeedback.feedback.FeedbackKind;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Usage;
import dev.interfeedback.report.ResultsJson;
import dev.interfeedback.report.SummaryTable;
import dev.interfeedback.scoring.Verdict;
import dev.interfeedback.scoring.judge.MathVerseTwoStepJudge;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The totals a run folds its episodes into as they finish, against hand counts and the episode list. */
class EpisodeTallyTest {

    private static final int ROUNDS = 3;

    /** One finished episode as a worker adds it: its position in the dataset, its sample, the episode. */
    private record Added(int position, Sample sample, Episode episode) {}

    /**
     * Every kind of episode, by hand (ground truth A; 3 rounds):
     *
     * <pre>
     *  0 keep   geo  4 options  right at round 0, kept the answer through the control
     *  1 flip2  geo  4 options  right at round 0, gave it up at the control's round 2
     *  2 merr   alg  4 options  right at round 0, the control's call failed
     *  3 c1     geo  4 options  B, then corrected at round 1 (judged)          chance 1 (3 untried)
     *  4 c3     alg 10 options  C, D (cut at the token limit), E, then A        chance 3/9
     *  5 nc     alg  4 options  no option named, never corrected (round 2 cut and judged)   chance 3/4
     *  6 nc26   bio 26 options  Z, never corrected                              chance 3/25
     *  7 nc7    bio  7 options  an unreadable answer, never corrected           chance 3/7
     *  8 free   bio  free-form  corrected at round 2 (rounds 1 and 2 judged)    chance 0
     *  9 excl   geo  4 options  wrong, outside the test set
     * 10 err0   alg             the receiver's round-0 call failed
     * 11 err1   bio  4 options  wrong, then a later call failed
     * </pre>
     *
     * The receiver's tokens of episode i are (10(i+1), i+1), the provider's (5, 1), none for err0.
     */
    private static List<Added> mix() {
        List<Added> mix = new ArrayList<>();
        add(mix, choice("keep", "geo", 4), EpisodeStatus.CORRECT_AT_ROUND_0, null, rounds(right("A")),
                new Maintenance(null, List.of(right("A"), right("A"), right("A")), null));
        add(mix, choice("flip2", "geo", 4), EpisodeStatus.CORRECT_AT_ROUND_0, null, rounds(right("A")),
                new Maintenance(2, List.of(right("A"), wrong("B")), null));
        add(mix, choice("merr", "alg", 4), EpisodeStatus.CORRECT_AT_ROUND_0, null, rounds(right("A")),
                new Maintenance(null, List.of(), "HTTP 502 on a push"));
        add(mix, choice("c1", "geo", 4), EpisodeStatus.CORRECTED, 1, rounds(wrong("B"), judged(right("A"))), null);
        add(mix, choice("c3", "alg", 10), EpisodeStatus.CORRECTED, 3,
                rounds(wrong("C"), truncated(wrong("D")), wrong("E"), right("A")), null);
        add(mix, choice("nc", "alg", 4), EpisodeStatus.NOT_CORRECTED, null,
                rounds(wrong(null), wrong("B"), judged(truncated(wrong("C"))), wrong("D")), null);
        add(mix, choice("nc26", "bio", 26), EpisodeStatus.NOT_CORRECTED, null,
                rounds(wrong("Z"), wrong("B"), wrong("C"), wrong("D")), null);
        add(mix, choice("nc7", "bio", 7), EpisodeStatus.NOT_CORRECTED, null,
                rounds(wrong("perhaps"), wrong("B"), wrong("C"), wrong("D")), null);
        add(mix, new Sample("free", "How many?", List.of(), List.of(), "A", "bio", Map.of()), EpisodeStatus.CORRECTED, 2,
                rounds(wrong("7"), judged(wrong("8")), judged(right("A"))), null);
        add(mix, choice("excl", "geo", 4), EpisodeStatus.EXCLUDED, null, rounds(wrong("B")), null);
        mix.add(new Added(10, new Sample("err0", "Which?", List.of(), List.of(), "A", "alg", Map.of()),
                new Episode("err0", "alg", EpisodeStatus.ERROR, null, List.of(), "HTTP 500 at round 0", null, null)));
        Sample err1 = choice("err1", "bio", 4);
        mix.add(new Added(11, err1, new Episode("err1", "bio", EpisodeStatus.ERROR, null, rounds(wrong("B")),
                "HTTP 503 after round 0", new Usage(120, 12), new Usage(5, 1))));
        return mix;
    }

    @Test
    void theTotalsOfEveryKindOfEpisodeAreTheHandCountedOnes() {
        EpisodeTally tally = tally(mix());
        EpisodeTotals totals = tally.totals();

        assertThat(totals.metrics().counts()).isEqualTo(new Counts(3, 1, 3, 3, 1, 1));
        assertThat(totals.metrics().perRound()).extracting(r -> r.rate().successes()).containsExactly(1L, 1L, 1L);
        assertThat(totals.metrics().correctionRate()).isEqualTo(new Rate(3, 6));
        assertThat(totals.perCategory()).containsOnlyKeys("alg", "bio", "geo");
        assertThat(totals.perCategory().keySet()).containsExactly("alg", "bio", "geo");
        assertThat(totals.perCategory().get("geo").counts()).isEqualTo(new Counts(2, 1, 1, 0, 0, 0));
        assertThat(totals.perCategory().get("alg").counts()).isEqualTo(new Counts(1, 0, 1, 1, 1, 0));
        assertThat(totals.perCategory().get("bio").counts()).isEqualTo(new Counts(0, 0, 1, 2, 0, 1));
        assertThat(totals.perCategory().get("alg").perRound()).extracting(r -> r.rate().successes())
                .containsExactly(0L, 0L, 1L);

        assertThat(totals.maintenance()).isEqualTo(new MaintenanceMetrics(2, 1, new Rate(1, 2),
                List.of(new Rate(2, 2), new Rate(1, 2), new Rate(1, 2))));
        assertThat(totals.maintenanceByCategory()).containsOnlyKeys("alg", "geo");
        assertThat(totals.maintenanceByCategory().get("geo").rate()).isEqualTo(new Rate(1, 2));
        assertThat(totals.maintenanceByCategory().get("alg").errors()).isEqualTo(1);

        assertThat(totals.verdictSources()).isEqualTo(new VerdictSources(22, 4));
        assertThat(totals.truncatedAnswers()).isEqualTo(2);
        assertThat(totals.receiverUsage()).isEqualTo(new Usage(670, 67));
        assertThat(totals.providerUsage()).isEqualTo(new Usage(55, 11));
        assertThat(totals.firstError()).isEqualTo(new FirstError(10, "err0", "HTTP 500 at round 0"));

        ChanceCorrection chance = tally.chance();
        assertThat(chance.testSet()).isEqualTo(6);
        assertThat(chance.multipleChoice()).isEqualTo(5);
        assertThat(chance.rounds()).isEqualTo(ROUNDS);
        // 1 + 3/9 + 3/4 + 3/25 + 3/7 = 5,527/2,100: exact, then rounded once to the nearest double.
        assertThat(chance.expectedUnits()).isEqualTo(5_527 * (ChanceCorrection.UNITS_PER_CORRECTION / 2_100));
        assertThat(chance.expected()).isEqualTo(new BigDecimal(5_527).divide(new BigDecimal(2_100), MathContext.DECIMAL128)
                .doubleValue());
    }

    @Test
    void aResultFromTheTallyEqualsOneFromTheListOfEpisodesOrOfTheirOutcomes(@TempDir Path dir) throws Exception {
        List<Added> mix = mix();
        EpisodeTally tally = tally(mix);
        List<Episode> episodes = mix.stream().map(Added::episode).toList();

        BenchmarkResult fromTally = result(tally);
        BenchmarkResult fromList = new BenchmarkResult("b", "d", new ModelInfo("r", "r", false),
                new ModelInfo("p", "p", false), FeedbackKind.DETAILED, ROUNDS, new Rate(9, 11), episodes, null, null, null,
                tally.chance());
        assertThat(fromList.totals()).isEqualTo(fromTally.totals());
        assertThat(EpisodeTotals.of(episodes.stream().map(Episode::outcome).toList(), ROUNDS))
                .isEqualTo(EpisodeTotals.of(episodes, ROUNDS));
        assertThat(resultsJson(fromList, dir.resolve("list.json"))).isEqualTo(resultsJson(fromTally, dir.resolve("tally.json")));
        assertThat(SummaryTable.render(fromList)).isEqualTo(SummaryTable.render(fromTally))
                .contains("ERRORS            2, for example err0: HTTP 500 at round 0");
    }

    @Test
    void theSameEpisodesInAnyOrderGiveTheSameResultsJsonAndSummary(@TempDir Path dir) throws Exception {
        List<Added> many = many(3_000);
        String inOrder = resultsJson(result(tally(many)), dir.resolve("in-order.json"));
        String summary = SummaryTable.render(result(tally(many)));
        List<Double> plainSums = new ArrayList<>();
        for (int seed = 1; seed <= 5; seed++) {
            List<Added> shuffled = new ArrayList<>(many);
            Collections.shuffle(shuffled, new Random(seed));
            BenchmarkResult result = result(tally(shuffled));
            assertThat(resultsJson(result, dir.resolve(seed + ".json"))).as("shuffled with seed %d", seed).isEqualTo(inOrder);
            assertThat(SummaryTable.render(result)).isEqualTo(summary);
            plainSums.add(plainChanceSum(shuffled));
        }
        assertThat(new HashSet<>(plainSums)).as("a plain sum of doubles, which these orders tell apart").hasSizeGreaterThan(1);
    }

    @Test
    void episodesAddedByManyWorkersAtOnceGiveTheSameResultsJsonAsAddedInOrder(@TempDir Path dir) throws Exception {
        // Enough that the workers meet in add on two cores: a tally without its lock fails here.
        List<Added> many = many(30_000);
        String inOrder = resultsJson(result(tally(many)), dir.resolve("in-order.json"));
        List<Added> shuffled = new ArrayList<>(many);
        Collections.shuffle(shuffled, new Random(7));

        int workers = 8;
        EpisodeTally tally = new EpisodeTally(ROUNDS);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int first = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = first; i < shuffled.size(); i += workers) {
                        Added a = shuffled.get(i);
                        tally.add(a.position(), a.sample(), a.episode());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }

        assertThat(resultsJson(result(tally), dir.resolve("workers.json"))).isEqualTo(inOrder);
    }

    @Test
    void theFirstErrorIsTheOneAtTheLowestPositionWhateverOrderTheyArriveIn() {
        List<Added> errors = List.of(error(7, "late"), error(3, "early"), error(5, "middle"), error(12, "last"));
        for (int seed = 1; seed <= 6; seed++) {
            List<Added> shuffled = new ArrayList<>(errors);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(tally(shuffled).totals().firstError()).isEqualTo(new FirstError(3, "early", "HTTP 500 of early"));
        }
        assertThat(tally(mix().subList(0, 10)).totals().firstError()).as("a failed control is no episode error").isNull();
    }

    @Test
    void anEpisodeCorrectedAtARoundOutsideTheRoundsIsRefusedNamingTheSample() {
        EpisodeTally tally = tally(mix());
        EpisodeTotals before = tally.totals();
        Episode late = new Episode("late", "geo", EpisodeStatus.CORRECTED, 4, rounds(wrong("B"), wrong("C"), wrong("D"),
                wrong("B"), right("A")), null, new Usage(1, 1), null);

        assertThatThrownBy(() -> tally.add(12, choice("late", "geo", 4), late))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample late corrected at round 4, outside 1..3");
        assertThat(tally.totals()).as("left as it was").isEqualTo(before);
    }

    @Test
    void anErrorWhoseRoundZeroAnswerIsRightIsRefusedNamingTheSample() {
        EpisodeTally tally = tally(mix());
        EpisodeTotals before = tally.totals();
        Episode impossible = new Episode("odd", "geo", EpisodeStatus.ERROR, null, rounds(right("A")), "HTTP 500",
                new Usage(1, 1), null);

        assertThatThrownBy(() -> tally.add(0, choice("odd", "geo", 4), impossible))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample odd is an error, but its round-0 answer is right");
        assertThat(tally.totals()).as("left as it was").isEqualTo(before);
        assertThat(tally.chance()).isEqualTo(tally(mix()).chance());
    }

    @Test
    void anEpisodeAddedAsAnotherSampleIsRefused() {
        Added c1 = mix().get(3);
        assertThatThrownBy(() -> new EpisodeTally(ROUNDS).add(3, choice("other", "geo", 4), c1.episode()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("episode of sample c1 added as sample other");
    }

    /**
     * {@code count} episodes: the hand-counted mix over and over, the multiple-choice samples with
     * 2 to 26 options, so the guessing control sums many different fractions.
     */
    private static List<Added> many(int count) {
        List<Added> mix = mix();
        List<Added> many = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Added template = mix.get(i % mix.size());
            Sample s = template.sample();
            String id = s.id() + "-" + i;
            List<String> options = s.isMultipleChoice() ? letters(2 + i % 25) : List.of();
            Episode e = template.episode();
            many.add(new Added(i, new Sample(id, s.question(), List.of(), options, s.answer(), s.category(), Map.of()),
                    new Episode(id, e.category(), e.status(), e.correctedAtRound(), e.rounds(), e.error(), e.receiverUsage(),
                            e.providerUsage(), e.maintenance())));
        }
        return many;
    }

    /** The guessing control summed as doubles in the order given, as before the tally. */
    private static double plainChanceSum(List<Added> added) {
        double sum = 0;
        for (Added a : added) {
            ChanceSum one = new ChanceSum(ROUNDS);
            one.add(a.sample(), a.episode());
            sum += one.correction().expected();
        }
        return sum;
    }

    private static EpisodeTally tally(List<Added> added) {
        EpisodeTally tally = new EpisodeTally(ROUNDS);
        for (Added a : added) tally.add(a.position(), a.sample(), a.episode());
        return tally;
    }

    private static BenchmarkResult result(EpisodeTally tally) {
        return new BenchmarkResult("b", "d", new ModelInfo("r", "r", false), new ModelInfo("p", "p", false),
                FeedbackKind.DETAILED, ROUNDS, new Rate(9, 11), tally.totals(), null, null, null, tally.chance(), null, null);
    }

    private static String resultsJson(BenchmarkResult result, Path file) throws Exception {
        new ResultsJson().write(List.of(result), file);
        return Files.readString(file);
    }

    private static void add(List<Added> mix, Sample sample, EpisodeStatus status, Integer correctedAt, List<Round> rounds,
            Maintenance maintenance) {
        int i = mix.size();
        mix.add(new Added(i, sample, new Episode(sample.id(), sample.category(), status, correctedAt, rounds, null,
                new Usage(10L * (i + 1), i + 1), new Usage(5, 1), maintenance)));
    }

    private static Added error(int position, String id) {
        return new Added(position, choice(id, "geo", 4), new Episode(id, "geo", EpisodeStatus.ERROR, null, List.of(),
                "HTTP 500 of " + id, null, null));
    }

    private static Sample choice(String id, String category, int options) {
        return new Sample(id, "Which?", List.of(), letters(options), "A", category, Map.of());
    }

    private static List<String> letters(int count) {
        return IntStream.range(0, count).mapToObj(i -> "option " + i).toList();
    }

    /** Numbers the rounds from 0. */
    private static List<Round> rounds(Round... rounds) {
        List<Round> numbered = new ArrayList<>();
        for (int k = 0; k < rounds.length; k++) {
            Round r = rounds[k];
            numbered.add(new Round(k, r.answer(), r.finishReason(), r.verdict(), k == 0 ? null : "try again", null));
        }
        return numbered;
    }

    private static Round right(String extracted) {
        return new Round(0, "Answer: " + extracted, null, new Verdict(extracted, true, "official-parser", true), null, null);
    }

    private static Round wrong(String extracted) {
        return new Round(0, "Answer: " + extracted, null, new Verdict(extracted, false, "official-parser", true), null, null);
    }

    private static Round judged(Round round) {
        Verdict v = round.verdict();
        return new Round(0, round.answer(), round.finishReason(),
                new Verdict(v.extracted(), v.correct(), MathVerseTwoStepJudge.RULE, true), null, null);
    }

    private static Round truncated(Round round) {
        return new Round(0, round.answer(), "length", round.verdict(), null, null);
    }
}
