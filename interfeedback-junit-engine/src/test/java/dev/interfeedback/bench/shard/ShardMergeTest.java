package dev.interfeedback.bench.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.cli.InterFeedbackCli;
import dev.interfeedback.testing.KilledRuns;
import dev.interfeedback.testing.SyntheticDataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way shards can fail to make one run is refused, naming the shard; shards that do make one merge. */
class ShardMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path data;
    private final List<Path> shards = new ArrayList<>();

    @BeforeEach
    void threeShards() throws IOException {
        data = SyntheticDataset.write(dir.resolve("data"), 30);
        for (int k = 1; k <= 3; k++) shards.add(run("shard-" + k, data, "interfeedback.shard=" + k + "/3"));
    }

    @Test
    void threeShardsMergeIntoTheUnshardedRun() throws IOException {
        Path whole = run("whole", data);
        assertThat(whole.resolve("shard.json")).doesNotExist();
        ShardMerge.Merged merged = ShardMerge.merge(List.of(shards.get(2), shards.get(0), shards.get(1)), dir.resolve("merged"));
        assertThat(merged.shards()).extracting(s -> s.shard().toString()).containsExactly("1/3", "2/3", "3/3");
        assertThat(KilledRuns.results(dir.resolve("merged/results.json"))).isEqualTo(KilledRuns.results(whole.resolve("results.json")));
        assertThat(KilledRuns.sortedLines(dir.resolve("merged/episodes.jsonl"))).isEqualTo(KilledRuns.sortedLines(whole.resolve("episodes.jsonl")));
        // Every line keeps what the report shows beside the episode, and the merged run has its report.
        assertThat(Files.readAllLines(dir.resolve("merged/episodes.jsonl"))).allMatch(line -> line.contains("\"question\":"));
        assertThat(dir.resolve("merged/report/index.html")).isNotEmptyFile();
    }

    @Test
    void aMissingShardIsNamed() {
        assertThatThrownBy(() -> merge(shards.get(0), shards.get(2)))
                .isInstanceOf(MergeRefusedException.class)
                .hasMessage("shard 2/3 is missing: 2 of 3 shard directories given; give the output directory of every shard");
    }

    @Test
    void aShardGivenTwiceIsNamed() throws IOException {
        Path copy = copy(shards.get(1), "copy-of-2");
        assertThatThrownBy(() -> merge(shards.get(0), shards.get(1), copy, shards.get(2)))
                .hasMessage("shard 2/3 is given twice: " + shards.get(1) + " and " + copy + " (the same run); give each shard once");
        Path again = run("shard-2-again", data, "interfeedback.shard=2/3");
        assertThatThrownBy(() -> merge(shards.get(0), shards.get(1), again, shards.get(2)))
                .hasMessageContaining("shard 2/3 is given twice").hasMessageContaining("(two runs of it)");
    }

    @Test
    void aShardOfAnotherConfigurationIsNamedWithWhatDiffers() throws IOException {
        Path other = run("other-rounds", data, "interfeedback.shard=3/3", "interfeedback.rounds=2");
        assertThatThrownBy(() -> merge(shards.get(0), shards.get(1), other))
                .hasMessageStartingWith("shard 3/3 (" + other + ") is of another configuration or dataset than shard 1/3 ("
                        + shards.get(0) + ") for benchmark dataset: maxRounds 2 where shard 1/3")
                .hasMessageEndingWith("has 3; merge only shards of one run");
        Path otherModel = run("other-model", data, "interfeedback.shard=2/3", "interfeedback.model.receiver.max-tokens=99");
        assertThatThrownBy(() -> merge(shards.get(0), otherModel, shards.get(2)))
                .hasMessageContaining("shard 2/3 (" + otherModel + ") is of another configuration or dataset")
                .hasMessageContaining("the dataset's samples or the models' settings (URL, sampling, prompts, scoring) differ");
    }

    @Test
    void aShardOfAnotherDatasetIsNamed() throws IOException {
        Path changed = dir.resolve("changed");
        copy(data.getParent(), "changed");
        List<String> rows = Files.readAllLines(changed.resolve("dataset.jsonl"));
        rows.set(5, rows.get(5).replace("Which shape", "Which figure"));
        Files.write(changed.resolve("dataset.jsonl"), rows);
        Path other = run("other-data", changed.resolve("dataset.jsonl"), "interfeedback.shard=1/3");
        assertThatThrownBy(() -> merge(other, shards.get(1), shards.get(2)))
                .hasMessageStartingWith("shard 2/3 (" + shards.get(1) + ") is of another configuration or dataset than shard 1/3 ("
                        + other + ")");
        // A dataset with a sample more differs in size, and says so.
        Path bigger = run("bigger", SyntheticDataset.write(dir.resolve("bigger-data"), 31), "interfeedback.shard=3/3");
        assertThatThrownBy(() -> merge(shards.get(0), shards.get(1), bigger))
                .hasMessageContaining("datasetSamples 31 where shard 1/3 (" + shards.get(0) + ") has 30");
    }

    @Test
    void aKilledShardIsIncomplete() throws IOException {
        // Killed before its results were written: the manifest says the benchmark did not finish.
        Path killed = copy(shards.get(1), "killed");
        ObjectNode manifest = (ObjectNode) JSON.readTree(killed.resolve("shard.json").toFile());
        ((ObjectNode) manifest.path("benchmarks").get(0)).put("finished", false);
        JSON.writeValue(killed.resolve("shard.json").toFile(), manifest);
        Files.delete(killed.resolve("results.json"));
        assertThatThrownBy(() -> merge(shards.get(0), killed, shards.get(2)))
                .hasMessage("shard 2/3 (" + killed + ") is incomplete: benchmark dataset did not finish (the run was killed"
                        + " or failed); run the shard again (it resumes from its journal)");

        Path noResults = copy(shards.get(2), "no-results");
        Files.delete(noResults.resolve("results.json"));
        assertThatThrownBy(() -> merge(shards.get(0), shards.get(1), noResults))
                .hasMessage("shard 3/3 (" + noResults + ") is incomplete: it has no results.json (the run was killed or"
                        + " failed); run the shard again");

        Path cut = copy(shards.get(0), "cut");
        List<String> episodes = Files.readAllLines(cut.resolve("episodes.jsonl"));
        Files.write(cut.resolve("episodes.jsonl"), episodes.subList(0, episodes.size() - 1));
        assertThatThrownBy(() -> merge(cut, shards.get(1), shards.get(2)))
                .hasMessageStartingWith("shard 1/3 (" + cut + ") is incomplete: benchmark dataset has episodes of "
                        + (episodes.size() - 1) + " of its " + episodes.size() + " samples (missing ");
    }

    @Test
    void shardsOfDifferentSplitsAndOtherDirectoriesAreRefused() throws IOException {
        Path half = run("half", data, "interfeedback.shard=1/2");
        assertThatThrownBy(() -> merge(shards.get(0), half))
                .hasMessage("shard 1/2 (" + half + ") is of a split into 2 shards, but shard 1/3 (" + shards.get(0)
                        + ") of a split into 3: shards of different splits do not merge");
        Path whole = run("whole", data);
        assertThatThrownBy(() -> merge(whole))
                .hasMessage(whole + " has no shard.json: it is not the output of a sharded run (run each shard with"
                        + " interfeedback.shard=K/N)");
        assertThatThrownBy(() -> ShardMerge.merge(shards, shards.get(0)))
                .hasMessageContaining("the merged output directory " + shards.get(0) + " is shard directory");
        assertThat(shards.get(0).resolve("results.json")).exists();
    }

    @Test
    void theCommandLineSaysWhyItRefusesAndExitsWith2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new InterFeedbackCli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), name -> null)
                .run(new String[] {"merge", "--into", dir.resolve("merged").toString(), shards.get(0).toString()});
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("interfeedback: merge refused: shards 2/3, 3/3 are missing");
        assertThat(dir.resolve("merged/results.json")).doesNotExist();
    }

    private void merge(Path... dirs) throws IOException {
        ShardMerge.merge(List.of(dirs), dir.resolve("merged"));
    }

    /** A command-line run on the simulator into {@code dir/name}. */
    private Path run(String name, Path dataset, String... more) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of(
                "interfeedback.dataset=" + dataset,
                "interfeedback.output.dir=" + out,
                "interfeedback.model.receiver.url=simulator:?accuracy=0.4&detailed-fix=0.5&seed=1",
                "interfeedback.model.provider.url=simulator:?accuracy=0.85&seed=2"));
        args.addAll(List.of(more));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new InterFeedbackCli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), variable -> null).run(args.toArray(String[]::new));
        if (exit != 0) throw new AssertionError("exit " + exit + ": " + err.toString(StandardCharsets.UTF_8));
        return out;
    }

    private Path copy(Path from, String name) throws IOException {
        Path to = dir.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target);
            }
        }
        return to;
    }
}
