package dev.interfeedback.bench.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.bench.BatchTokens;
import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.ChanceCorrection;
import dev.interfeedback.bench.Rate;
import dev.interfeedback.bench.SharedRoundZeroTokens;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.feedback.FeedbackKind;
import dev.interfeedback.model.Usage;
import dev.interfeedback.model.resilience.ResponseCache;
import dev.interfeedback.report.EpisodesJsonl;
import dev.interfeedback.report.PriceTable;
import dev.interfeedback.report.ResultsJson;
import dev.interfeedback.report.RunFiles;
import dev.interfeedback.report.html.HtmlReport;
import dev.interfeedback.report.html.ReportImages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Merges the output directories of the N shards of a run into the outputs of one unsharded run:
 * {@code results.json} recomputed from the episodes by the core's own figures (never an average
 * of the shards' figures), {@code episodes.jsonl} in dataset order, the transcripts, the stored
 * round-0 answers and the response cache (so a rerun of the whole dataset on one machine makes no
 * call).
 *
 * <p>It refuses, naming the shard, a missing or duplicated shard, shards of different splits,
 * configurations or datasets, and an incomplete shard (one that was killed or failed). Nothing is
 * written until every shard has been read and checked.
 *
 * <p>The merged run's id is {@code merge-} and the first 12 hex digits of the SHA-256 of the
 * shards' run ids in shard order: merging the same shards again gives the same id, and every
 * merged episode line carries it, as {@code interfeedback:check} requires.
 */
public final class ShardMerge {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a merge wrote. */
    public record Merged(String runId, List<ShardSummary> shards, List<BenchmarkResult> results, PriceTable prices,
            int cacheEntries) {}

    /** One merged shard: its number, directory and run. */
    public record ShardSummary(Shard shard, Path dir, String runId) {}

    /** One benchmark merged: its result, and its samples in dataset order, the order of its episode lines. */
    private record MergedBenchmark(BenchmarkResult result, List<String> sampleIds) {}

    private ShardMerge() {}

    /**
     * @param shardDirs the output directory of every shard, in any order
     * @param into where the merged outputs go; not one of the shards
     * @throws MergeRefusedException when the shards do not make one run
     */
    public static Merged merge(List<Path> shardDirs, Path into) throws IOException {
        if (shardDirs.isEmpty()) throw new MergeRefusedException("no shard directories to merge");
        for (Path dir : shardDirs) {
            if (Files.exists(into) && Files.exists(dir) && Files.isSameFile(dir, into)) {
                throw new MergeRefusedException("the merged output directory " + into + " is shard directory " + dir
                        + "; merge into another directory");
            }
        }
        List<ShardOutput> shards = new ArrayList<>();
        for (Path dir : shardDirs) shards.add(ShardOutput.read(dir));
        shards = complete(shards);
        ShardOutput first = shards.get(0);
        List<MergedBenchmark> merged = new ArrayList<>();
        Map<String, PriceTable.Price> prices = new HashMap<>();
        String currency = PriceTable.NONE.currency();
        for (String benchmark : first.benchmarks().keySet()) {
            merged.add(benchmark(benchmark, shards));
            JsonNode priced = first.benchmarks().get(benchmark).path("prices");
            PriceTable table = ShardManifest.prices(priced);
            prices.putAll(table.prices());
            if (!table.prices().isEmpty()) currency = table.currency();
        }
        StringBuilder runs = new StringBuilder();
        shards.forEach(s -> runs.append(s.runId()).append('\n'));
        String runId = "merge-" + ShardManifest.sha256(runs.toString()).substring(0, 12);
        PriceTable table = new PriceTable(currency, prices);
        Map<String, ResultsJson.Cell> cells = new HashMap<>();
        first.benchmarks().forEach((benchmark, entry) -> {
            ResultsJson.Cell cell = ShardManifest.cell(entry);
            if (cell != null) cells.put(benchmark, cell);
        });
        int cached = write(shards, merged, table, runId, cells, into);
        return new Merged(runId, shards.stream().map(s -> new ShardSummary(s.shard(), s.dir(), s.runId())).toList(),
                merged.stream().map(MergedBenchmark::result).toList(), table, cached);
    }

    /** The shards sorted by number, once each, 1 to N of one N. */
    private static List<ShardOutput> complete(List<ShardOutput> shards) {
        ShardOutput first = shards.get(0);
        int total = first.shard().total();
        ShardOutput[] byIndex = new ShardOutput[total + 1];
        for (ShardOutput shard : shards) {
            if (shard.shard().total() != total) {
                throw new MergeRefusedException(shard.name() + " is of a split into " + shard.shard().total() + " shards, but "
                        + first.name() + " of a split into " + total + ": shards of different splits do not merge");
            }
            ShardOutput other = byIndex[shard.shard().index()];
            if (other != null) {
                throw new MergeRefusedException("shard " + shard.shard() + " is given twice: " + other.dir() + " and "
                        + shard.dir() + (other.runId().equals(shard.runId()) ? " (the same run)" : " (two runs of it)")
                        + "; give each shard once");
            }
            byIndex[shard.shard().index()] = shard;
        }
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= total; k++) if (byIndex[k] == null) missing.add(k + "/" + total);
        if (!missing.isEmpty()) {
            throw new MergeRefusedException((missing.size() == 1 ? "shard " : "shards ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing: " + shards.size() + " of " + total
                    + " shard directories given; give the output directory of every shard");
        }
        for (ShardOutput shard : shards) {
            if (!shard.benchmarks().keySet().equals(first.benchmarks().keySet())) {
                throw new MergeRefusedException(shard.name() + " ran benchmarks " + shard.benchmarks().keySet() + ", but "
                        + first.name() + " ran " + first.benchmarks().keySet() + ": the shards are of different runs");
            }
        }
        List<ShardOutput> sorted = new ArrayList<>(shards);
        sorted.sort(Comparator.comparingInt(s -> s.shard().index()));
        return sorted;
    }

    /** One benchmark's result over every shard, after checking that the shards ran the same configuration and data. */
    private static MergedBenchmark benchmark(String id, List<ShardOutput> shards) {
        ShardOutput first = shards.get(0);
        JsonNode reference = first.benchmarks().get(id);
        Map<Integer, Episode> byPosition = new TreeMap<>();
        long providerRight = 0, providerAnswered = 0;
        Usage judgeUsage = Usage.NONE;
        SharedRoundZeroTokens shared = SharedRoundZeroTokens.NONE;
        BatchTokens batched = BatchTokens.NONE;
        long chanceUnits = 0, chanceTestSet = 0, chanceMultipleChoice = 0;
        for (ShardOutput shard : shards) {
            JsonNode entry = shard.benchmarks().get(id);
            sameRun(id, first, reference, shard, entry);
            for (JsonNode sample : entry.path("samples")) {
                String sampleId = sample.path("id").asText();
                int belongs = Shard.of(id, sampleId, shard.shard().total());
                if (belongs != shard.shard().index()) {
                    throw new MergeRefusedException(shard.name() + ": benchmark " + id + " sample " + sampleId + " belongs"
                            + " to shard " + belongs + "/" + shard.shard().total() + ": the shard's manifest was not written by"
                            + " a shard run of this split");
                }
                Episode other = byPosition.put(sample.path("position").asInt(), shard.episodes().get(id).get(sampleId));
                if (other != null) {
                    throw new MergeRefusedException(shard.name() + ": benchmark " + id + " sample " + sampleId
                            + " is at the dataset position of sample " + other.sampleId() + " of another shard");
                }
            }
            providerRight += entry.path("providerRoundZero").path("right").asLong();
            providerAnswered += entry.path("providerRoundZero").path("answered").asLong();
            judgeUsage = judgeUsage.plus(ShardManifest.usage(entry.path("judgeTokens")));
            shared = shared.plus(ShardManifest.sharedRoundZero(entry.path("sharedRoundZeroTokens")));
            batched = batched.plus(ShardManifest.batchTokens(entry.path("batchTokens")));
            ChanceCorrection chance = ShardManifest.chance(entry.path("chance"));
            chanceUnits = Math.addExact(chanceUnits, chance.expectedUnits());
            chanceTestSet += chance.testSet();
            chanceMultipleChoice += chance.multipleChoice();
        }
        int datasetSamples = reference.path("datasetSamples").asInt();
        if (byPosition.size() != datasetSamples) {
            throw new MergeRefusedException("benchmark " + id + ": the shards cover " + byPosition.size() + " of its "
                    + datasetSamples + " samples");
        }
        List<Episode> episodes = List.copyOf(byPosition.values());
        BenchmarkResult result = new BenchmarkResult(id, reference.path("dataset").asText(),
                ShardManifest.model(reference.get("receiver")),
                ShardManifest.model(reference.get("provider")), FeedbackKind.parse(reference.path("feedback").asText()),
                reference.path("maxRounds").asInt(), new Rate(providerRight, providerAnswered),
                episodes, ShardManifest.model(reference.get("judge")), judgeUsage,
                ShardManifest.prompts(reference.path("prompts")), new ChanceCorrection(chanceUnits, chanceTestSet,
                        chanceMultipleChoice, reference.path("maxRounds").asInt()), shared, batched);
        return new MergedBenchmark(result, episodes.stream().map(Episode::sampleId).toList());
    }

    /** Refuses a shard whose benchmark ran another configuration (models, feedback, rounds, settings) or dataset. */
    private static void sameRun(String id, ShardOutput first, JsonNode reference, ShardOutput shard, JsonNode entry) {
        if (entry.path("identity").asText().equals(reference.path("identity").asText())
                && entry.path("prices").equals(reference.path("prices"))) {
            return;
        }
        List<String> differences = new ArrayList<>();
        for (String field : List.of("datasetSamples", "dataset", "receiver", "provider", "judge", "feedback", "maxRounds", "prices")) {
            if (!Objects.equals(entry.get(field), reference.get(field))) {
                differences.add(field + " " + text(entry.get(field)) + " where " + first.name() + " has " + text(reference.get(field)));
            }
        }
        throw new MergeRefusedException(shard.name() + " is of another configuration or dataset than " + first.name()
                + " for benchmark " + id + ": " + (differences.isEmpty()
                        ? "the dataset's samples or the models' settings (URL, sampling, prompts, scoring) differ"
                        : String.join("; ", differences))
                + "; merge only shards of one run");
    }

    private static String text(JsonNode node) {
        return node == null ? "(none)" : node.toString();
    }

    /**
     * The one place the merge writes its outputs, all from what was read and checked: first the
     * last run's files go, then episodes, transcripts, round-0 answers and cache, and results.json
     * last, so a merge that fails on the way never leaves results without their episodes.
     *
     * @return the response-cache entries the shards added
     */
    private static JsonNode line(List<ShardOutput> shards, String benchmark, String sampleId) {
        for (ShardOutput shard : shards) {
            JsonNode line = shard.lines().get(benchmark).get(sampleId);
            if (line != null) return line;
        }
        throw new IllegalStateException("no episode line of sample " + sampleId + " of benchmark " + benchmark);
    }

    private static int write(List<ShardOutput> shards, List<MergedBenchmark> merged, PriceTable prices, String runId,
            Map<String, ResultsJson.Cell> cells, Path into) throws IOException {
        Files.createDirectories(into);
        RunFiles.clearPrevious(into);
        try (EpisodesJsonl episodes = EpisodesJsonl.create(into.resolve(RunFiles.EPISODES), runId)) {
            for (MergedBenchmark benchmark : merged) {
                String id = benchmark.result().id();
                for (String sampleId : benchmark.sampleIds()) episodes.appendAsWritten(line(shards, id, sampleId));
            }
        }
        int cached = 0;
        for (ShardOutput shard : shards) {
            appendTranscripts(shard.dir().resolve(RunFiles.TRANSCRIPTS), into.resolve(RunFiles.TRANSCRIPTS));
            mergeRoundZero(shard.dir().resolve(ROUND_ZERO), into.resolve(ROUND_ZERO));
            if (Files.isDirectory(shard.dir().resolve(CACHE))) {
                cached += ResponseCache.open(into.resolve(CACHE)).putAll(shard.dir().resolve(CACHE));
            }
        }
        new ResultsJson(prices, runId, cells).write(merged.stream().map(MergedBenchmark::result).toList(),
                into.resolve(RunFiles.RESULTS));
        // The episodes name their images by digest; the merged report shows them from one folder.
        for (ShardOutput shard : shards) copyTree(HtmlReport.folder(shard.dir()).resolve(ReportImages.FOLDER),
                HtmlReport.folder(into).resolve(ReportImages.FOLDER));
        HtmlReport.write(into);
        return cached;
    }

    /** The folders, in an output directory, of the stored round-0 answers and of the response cache by default. */
    private static final String ROUND_ZERO = "round-zero";
    private static final String CACHE = "cache";

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Adds a shard's transcripts (a file per benchmark) to the end of the merged ones, shard after shard. */
    private static void appendTranscripts(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    Files.copy(file, out);
                }
            }
        }
    }

    /**
     * Adds a shard's stored round-0 answers (one file per benchmark, the samples under the digests
     * of both models) to the merged ones, where the models are the same.
     */
    private static void mergeRoundZero(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode shard = JSON.readTree(file.toFile());
                Path target = to.resolve(file.getFileName().toString());
                if (!Files.exists(target)) {
                    Files.createDirectories(to);
                    Files.copy(file, target);
                    continue;
                }
                ObjectNode merged = (ObjectNode) JSON.readTree(target.toFile());
                if (!merged.path("receiver").equals(shard.path("receiver")) || !merged.path("provider").equals(shard.path("provider"))) {
                    continue; // answers of other models: a leftover of an older run, which no rerun would reuse
                }
                ObjectNode samples = merged.get("samples") instanceof ObjectNode held ? held : merged.putObject("samples");
                shard.path("samples").properties().forEach(e -> samples.set(e.getKey(), e.getValue()));
                JSON.writeValue(target.toFile(), merged);
            }
        }
    }
}
