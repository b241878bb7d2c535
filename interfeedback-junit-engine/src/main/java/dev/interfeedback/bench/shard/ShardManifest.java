package dev.interfeedback.bench.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.bench.BatchTokens;
import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.ChanceCorrection;
import dev.interfeedback.bench.SharedRoundZeroTokens;
import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Usage;
import dev.interfeedback.prompt.PromptName;
import dev.interfeedback.prompt.PromptTemplate;
import dev.interfeedback.report.PriceTable;
import dev.interfeedback.report.ResultsJson;
import dev.interfeedback.report.RunFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@value #FILE} in a shard's output directory: which run and shard wrote the directory, and for
 * each benchmark the identity of the whole (unsharded) run, the samples this shard covered, and,
 * once the benchmark finished, what its results hold beyond its episodes. {@link ShardMerge} reads
 * it to refuse shards that do not belong together and to rebuild the unsharded results.
 *
 * <p>It is written when the run starts (every benchmark planned, none finished) and rewritten,
 * whole and atomically, as each benchmark finishes, so a killed shard leaves a manifest that says
 * so.
 */
public final class ShardManifest {

    public static final String FILE = RunFiles.SHARD_MANIFEST;
    static final int FORMAT = 2;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final ObjectNode root;
    private final Map<String, ObjectNode> benchmarks = new LinkedHashMap<>();

    private ShardManifest(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    /**
     * Starts the manifest of a shard's run in {@code dir}.
     *
     * @param runId the run's id, which its results.json and episodes.jsonl carry
     */
    public static ShardManifest start(Path dir, String runId, Shard shard) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("manifest", FORMAT);
        root.put("runId", runId);
        root.put("shard", shard.toString());
        root.putArray("benchmarks");
        ShardManifest manifest = new ShardManifest(dir.resolve(FILE), root);
        manifest.write();
        return manifest;
    }

    /**
     * Records a benchmark this shard runs.
     *
     * @param identity what identifies the whole run of the benchmark (see
     *     {@link dev.interfeedback.bench.BenchmarkRunner#journalKey}, built over the whole dataset);
     *     kept as a digest, since it names endpoints
     * @param whole the benchmark's dataset before sharding
     * @param covered the samples this shard runs
     */
    public synchronized void planned(String benchmarkId, String identity, Dataset whole, List<Sample> covered)
            throws IOException {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < whole.size(); i++) position.put(whole.samples().get(i).id(), i);
        ObjectNode node = JSON.createObjectNode();
        node.put("id", benchmarkId);
        node.put("identity", sha256(identity));
        node.put("datasetSamples", whole.size());
        node.put("finished", false);
        ArrayNode samples = node.putArray("samples");
        for (Sample sample : covered) samples.addObject().put("id", sample.id()).put("position", position.get(sample.id()));
        benchmarks.put(benchmarkId, node);
        write();
    }

    /**
     * Records that a benchmark finished: its results are in results.json and its episodes in
     * episodes.jsonl; {@code cell} is the matrix cell it is, or null.
     */
    public synchronized void finished(BenchmarkResult result, PriceTable prices, ResultsJson.Cell cell) throws IOException {
        ObjectNode node = benchmarks.get(result.id());
        if (node == null) throw new IllegalStateException("benchmark " + result.id() + " finished but was never planned");
        node.put("finished", true);
        if (cell != null) node.putObject("cell").put("matrix", cell.matrix()).put("key", cell.key());
        node.put("dataset", result.dataset());
        node.set("receiver", model(result.receiver()));
        node.set("provider", model(result.provider()));
        if (result.judge() != null) node.set("judge", model(result.judge()));
        node.put("feedback", result.feedback().configName());
        node.put("maxRounds", result.maxRounds());
        node.putObject("providerRoundZero").put("right", result.providerRoundZero().successes())
                .put("answered", result.providerRoundZero().trials());
        node.set("judgeTokens", usage(result.judgeUsage()));
        // Additive over shards, as the judge's tokens are.
        ObjectNode shared = node.putObject("sharedRoundZeroTokens");
        shared.set("receiver", usage(result.sharedRoundZero().receiver()));
        shared.set("provider", usage(result.sharedRoundZero().provider()));
        // The same: the tokens of the calls batches answered, by role.
        ObjectNode batched = node.putObject("batchTokens");
        batched.set("receiver", usage(result.batched().receiver()));
        batched.set("provider", usage(result.batched().provider()));
        batched.set("judge", usage(result.batched().judge()));
        // The templates' texts, not only their digests: the merged results record them as a run does.
        ArrayNode prompts = node.putArray("prompts");
        for (PromptTemplate template : result.prompts()) {
            prompts.addObject().put("name", template.name().id()).put("version", template.version())
                    .put("source", template.source()).put("text", template.text());
        }
        // Additive over shards: the merge sums the shards' expectations.
        ChanceCorrection chance = result.chance();
        node.putObject("chance").put("expectedUnits", chance.expectedUnits()).put("testSet", chance.testSet())
                .put("multipleChoice", chance.multipleChoice()).put("rounds", chance.rounds());
        ObjectNode priced = node.putObject("prices");
        priced.put("currency", prices.currency());
        ObjectNode byAlias = priced.putObject("byAlias");
        prices.prices().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> byAlias.putObject(e.getKey())
                .put("promptPerMillion", e.getValue().promptPerMillion())
                .put("completionPerMillion", e.getValue().completionPerMillion())
                .put("cachedPromptPerMillion", e.getValue().cachedPromptPerMillion())
                .put("cacheWritePerMillion", e.getValue().cacheWritePerMillion())
                .put("batchDiscount", e.getValue().batchDiscount()));
        write();
    }

    private static ObjectNode model(ModelInfo info) {
        return JSON.createObjectNode().put("alias", info.alias()).put("name", info.name()).put("simulated", info.simulated());
    }

    static ModelInfo model(JsonNode node) {
        return node == null || node.isNull() ? null
                : new ModelInfo(node.path("alias").asText(), node.path("name").asText(), node.path("simulated").asBoolean());
    }

    private static ObjectNode usage(Usage usage) {
        return JSON.createObjectNode().put("prompt", usage.promptTokens()).put("completion", usage.completionTokens())
                .put("cachedPrompt", usage.cachedPromptTokens()).put("cacheWrite", usage.cacheWriteTokens());
    }

    /** The matrix cell a benchmark's manifest entry names, or null. */
    static ResultsJson.Cell cell(JsonNode entry) {
        JsonNode cell = entry.path("cell");
        return cell.isObject() ? new ResultsJson.Cell(cell.path("matrix").asText(), cell.path("key").asText()) : null;
    }

    static SharedRoundZeroTokens sharedRoundZero(JsonNode node) {
        return new SharedRoundZeroTokens(usage(node.path("receiver")), usage(node.path("provider")));
    }

    static BatchTokens batchTokens(JsonNode node) {
        return new BatchTokens(usage(node.path("receiver")), usage(node.path("provider")), usage(node.path("judge")));
    }

    static Usage usage(JsonNode node) {
        return new Usage(node.path("prompt").asLong(), node.path("completion").asLong(), node.path("cachedPrompt").asLong(),
                node.path("cacheWrite").asLong());
    }

    static List<PromptTemplate> prompts(JsonNode node) {
        List<PromptTemplate> prompts = new ArrayList<>();
        for (JsonNode prompt : node) {
            PromptName name = Arrays.stream(PromptName.values()).filter(n -> n.id().equals(prompt.path("name").asText()))
                    .findFirst().orElseThrow(() -> new MergeRefusedException("unknown prompt " + prompt.path("name")
                            + " in a shard's manifest"));
            prompts.add(new PromptTemplate(name, prompt.path("version").asText(null), prompt.path("source").asText(),
                    prompt.path("text").asText()));
        }
        return prompts;
    }

    static ChanceCorrection chance(JsonNode node) {
        return new ChanceCorrection(node.path("expectedUnits").asLong(), node.path("testSet").asLong(),
                node.path("multipleChoice").asLong(), node.path("rounds").asInt());
    }

    static PriceTable prices(JsonNode node) {
        Map<String, PriceTable.Price> prices = new HashMap<>();
        for (Map.Entry<String, JsonNode> alias : node.path("byAlias").properties()) {
            JsonNode price = alias.getValue();
            double prompt = price.path("promptPerMillion").asDouble();
            prices.put(alias.getKey(), new PriceTable.Price(prompt, price.path("completionPerMillion").asDouble(),
                    price.path("cachedPromptPerMillion").asDouble(prompt), price.path("cacheWritePerMillion").asDouble(prompt),
                    price.path("batchDiscount").asDouble(PriceTable.Price.BATCH_DISCOUNT)));
        }
        return new PriceTable(node.path("currency").asText(PriceTable.NONE.currency()), prices);
    }

    private void write() throws IOException {
        ArrayNode list = root.putArray("benchmarks");
        benchmarks.values().forEach(list::add);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(FILE + ".tmp");
        JSON.writeValue(temp.toFile(), root);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
