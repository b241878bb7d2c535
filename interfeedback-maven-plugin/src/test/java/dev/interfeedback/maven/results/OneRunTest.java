package dev.interfeedback.maven.results;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.Rate;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.Round;
import dev.interfeedback.feedback.FeedbackKind;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.report.EpisodesJsonl;
import dev.interfeedback.report.PriceTable;
import dev.interfeedback.report.ResultsJson;
import dev.interfeedback.scoring.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by the engine's own writers, then read as check reads them. */
class OneRunTest {

    private static final List<Episode> EPISODES = List.of(
            episode("s1", "a", EpisodeStatus.CORRECT_AT_ROUND_0, true),
            episode("s2", "a", EpisodeStatus.EXCLUDED, false),
            episode("s3", "b", EpisodeStatus.NOT_CORRECTED, false),
            new Episode("s4", "b", EpisodeStatus.ERROR, null, List.of(), "HTTP 500", null, null));

    @TempDir
    Path dir;

    @Test
    void filesOfOneRunAgree() throws Exception {
        write("run-1", EPISODES, "run-1", EPISODES);

        assertThatCode(this::check).doesNotThrowAnyException();
    }

    @Test
    void episodesOfAnotherRunAreRefusedNamingTheLine() throws Exception {
        write("run-1", EPISODES, "run-2", EPISODES);

        assertThatThrownBy(this::check).isInstanceOf(ResultsFormatException.class)
                .hasMessage(dir.resolve("episodes.jsonl") + ": line 1: runId \"run-2\", but " + dir.resolve("results.json")
                        + " has runId \"run-1\": the files are of different runs; run interfeedback:evaluate again");
    }

    @Test
    void episodesCutShortAreRefused() throws Exception {
        write("run-1", EPISODES, "run-1", EPISODES.subList(0, 3));

        assertThatThrownBy(this::check).isInstanceOf(ResultsFormatException.class)
                .hasMessageStartingWith(dir.resolve("results.json") + ": benchmark b: counts.samples is 4, but "
                        + dir.resolve("episodes.jsonl") + " has 3 episodes of it: the files are not of one run");
    }

    @Test
    void aStatusThatDisagreesWithTheCountsIsRefused() throws Exception {
        List<Episode> changed = List.of(EPISODES.get(0), EPISODES.get(1),
                episode("s3", "b", EpisodeStatus.EXCLUDED, false), EPISODES.get(3));
        write("run-1", EPISODES, "run-1", changed);

        assertThatThrownBy(this::check).hasMessageContaining("benchmark b: counts.excluded is 1, but ")
                .hasMessageContaining("has 2 EXCLUDED episodes of it");
    }

    private void check() throws Exception {
        Path results = dir.resolve("results.json");
        OneRun.check(results, ResultsFile.read(results), EpisodesFile.read(dir.resolve("episodes.jsonl")));
    }

    private void write(String resultsRun, List<Episode> resultsEpisodes, String episodesRun, List<Episode> episodes)
            throws Exception {
        new ResultsJson(PriceTable.NONE, resultsRun).write(List.of(new BenchmarkResult("b", "d",
                new ModelInfo("r", "r", true), new ModelInfo("p", "p", true), FeedbackKind.BINARY, 2, new Rate(1, 1),
                resultsEpisodes)), dir.resolve("results.json"));
        try (EpisodesJsonl out = EpisodesJsonl.create(dir.resolve("episodes.jsonl"), episodesRun)) {
            for (Episode episode : episodes) out.append("b", episode);
        }
    }

    private static Episode episode(String id, String category, EpisodeStatus status, boolean right) {
        return new Episode(id, category, status, null, List.of(new Round(0, "Answer: A", null, new Verdict("A", right, "official-parser", true), null, null)), null,
                null, null);
    }
}
