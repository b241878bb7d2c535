package dev.interfeedback.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.bench.BatchTokens;
import dev.interfeedback.bench.BenchmarkResult;
import dev.interfeedback.bench.ChanceCorrection;
import dev.interfeedback.bench.MaintenanceMetrics;
import dev.interfeedback.bench.Counts;
import dev.interfeedback.bench.Metrics;
import dev.interfeedback.bench.Rate;
import dev.interfeedback.bench.RoundRate;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Usage;
import dev.interfeedback.prompt.PromptTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes {@code results.json}, the versioned summary of the public contract (schema version 1). */
public final class ResultsJson {

    public static final int SCHEMA_VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final PriceTable prices;
    private final String runId;
    private final Map<String, Cell> cells;

    /**
     * A benchmark that is one cell of a matrix (several receivers, providers or feedback kinds):
     * results.json names the matrix and the cell beside the benchmark's own fields, so that a
     * reader can lay the cells out as the paper's tables.
     *
     * @param matrix the matrix's id
     * @param key {@code <receiver alias>,<provider alias>,<feedback kind>}
     */
    public record Cell(String matrix, String key) {}

    public ResultsJson() {
        this(PriceTable.NONE, null);
    }

    /**
     * @param prices for the estimated cost of each model's tokens
     * @param runId the run's id, which its episodes.jsonl lines share (see {@link RunFiles}); null writes none
     */
    public ResultsJson(PriceTable prices, String runId) {
        this(prices, runId, Map.of());
    }

    /** @param cells the benchmarks that are cells of a matrix, by benchmark id */
    public ResultsJson(PriceTable prices, String runId, Map<String, Cell> cells) {
        this.prices = prices;
        this.runId = runId;
        this.cells = Map.copyOf(cells);
    }

    public ObjectNode toJson(List<BenchmarkResult> results) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        if (runId != null) root.put("runId", runId);
        ArrayNode benchmarks = root.putArray("benchmarks");
        for (BenchmarkResult result : results) benchmarks.add(benchmark(result));
        root.set("totals", totals(results));
        return root;
    }

    /**
     * What the run spent, by model: every benchmark's tokens, less the round-0 answers a matrix
     * cell took from another cell (billed once, to the cell that asked), so that a shared round-0
     * pass counts once here while each cell reports its tokens as if it ran alone. Models by alias;
     * the tokens batches answered at the batch discount.
     */
    private ObjectNode totals(List<BenchmarkResult> results) {
        Map<String, ModelInfo> models = new TreeMap<>();
        Map<String, Usage> spent = new TreeMap<>();
        Map<String, Usage> batched = new TreeMap<>();
        for (BenchmarkResult result : results) {
            spend(models, spent, result.receiver(), result.receiverUsage().minus(result.sharedRoundZero().receiver()));
            spend(models, spent, result.provider(), result.providerUsage().minus(result.sharedRoundZero().provider()));
            if (result.judge() != null) spend(models, spent, result.judge(), result.judgeUsage());
            // A shared round-0 answer came from the cell that asked, so a cell's batch tokens hold none of it.
            batched.merge(result.receiver().alias(), result.batched().receiver(), Usage::plus);
            batched.merge(result.provider().alias(), result.batched().provider(), Usage::plus);
            if (result.judge() != null) batched.merge(result.judge().alias(), result.batched().judge(), Usage::plus);
        }
        ObjectNode node = mapper.createObjectNode();
        node.put("currency", prices.currency());
        Double total = 0.0;
        ArrayNode list = node.putArray("models");
        for (Map.Entry<String, Usage> entry : spent.entrySet()) {
            ObjectNode model = list.addObject();
            model.put("alias", entry.getKey());
            model.put("model", models.get(entry.getKey()).name());
            model.set("tokens", tokens(entry.getValue()));
            Double cost = prices.cost(entry.getKey(), entry.getValue(), batched.get(entry.getKey())).orElse(null);
            putCost(model, "estimatedCost", cost);
            total = total == null || cost == null ? null : total + cost;
        }
        putCost(node, "estimatedCost", total);
        return node;
    }

    private static void spend(Map<String, ModelInfo> models, Map<String, Usage> spent, ModelInfo model, Usage usage) {
        models.putIfAbsent(model.alias(), model);
        spent.merge(model.alias(), usage, Usage::plus);
    }

    /** Writes to a temporary file first, so a reader never sees half a file. */
    public void write(List<BenchmarkResult> results, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        mapper.writeValue(temp.toFile(), toJson(results));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private ObjectNode benchmark(BenchmarkResult result) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", result.id());
        Cell cell = cells.get(result.id());
        if (cell != null) {
            node.put("matrix", cell.matrix());
            node.put("cell", cell.key());
        }
        node.put("dataset", result.dataset());
        BatchTokens batched = result.batched();
        node.set("receiver", model(result.receiver(), "receiver", result.receiverUsage(), result.sharedRoundZero().receiver(),
                batched.receiver()));
        node.set("provider", model(result.provider(), "provider", result.providerUsage(), result.sharedRoundZero().provider(),
                batched.provider()));
        if (result.judge() != null) node.set("judge", model(result.judge(), "judge", result.judgeUsage(), null, batched.judge()));
        node.set("cost", cost(result));
        node.put("feedback", result.feedback().configName());
        node.put("maxRounds", result.maxRounds());
        ObjectNode verdicts = node.putObject("verdicts");
        verdicts.put("rules", result.verdictSources().rules());
        verdicts.put("judge", result.verdictSources().judge());
        node.put("truncatedAnswers", result.truncatedAnswers());
        node.put("simulated", result.receiver().simulated() || result.provider().simulated());
        metrics(node, result.metrics());
        node.set("providerAccuracy", rate(result.providerRoundZero()));
        node.set("chanceCorrection", chance(result.chance(), result.metrics()));
        MaintenanceMetrics maintenance = result.maintenance();
        if (maintenance != null) node.set("maintenance", maintenance(maintenance));
        ArrayNode prompts = node.putArray("prompts");
        for (PromptTemplate template : result.prompts()) {
            prompts.addObject().put("name", template.name().id()).put("version", template.version())
                    .put("source", template.source()).put("digest", template.digest());
        }
        ArrayNode categories = node.putArray("perCategory");
        for (Map.Entry<String, Metrics> entry : result.perCategory().entrySet()) {
            ObjectNode category = categories.addObject();
            category.put("category", entry.getKey());
            metrics(category, entry.getValue());
            MaintenanceMetrics categoryMaintenance = result.maintenanceByCategory().get(entry.getKey());
            if (categoryMaintenance != null) category.set("maintenance", maintenance(categoryMaintenance));
        }
        return node;
    }

    private void metrics(ObjectNode node, Metrics metrics) {
        Counts c = metrics.counts();
        ObjectNode counts = node.putObject("counts");
        // In the order of the partition (see Counts): each line splits the one before.
        counts.put("samples", c.samples());
        counts.put("correctAtRound0", c.correctAtRound0());
        counts.put("wrongAtRound0", c.wrongAtRound0());
        counts.put("errorsAtRound0", c.errorsAtRound0());
        counts.put("excluded", c.excluded());
        counts.put("testSet", c.testSet());
        counts.put("errorsAfterRound0", c.errorsAfterRound0());
        counts.put("corrected", c.corrected());
        counts.put("notCorrected", c.notCorrected());
        counts.put("errors", c.errors());
        node.set("accuracy", rate(metrics.accuracy()));
        node.set("correctionRate", rate(metrics.correctionRate()));
        node.set("errorRate", rate(metrics.errorRate()));
        ArrayNode perRound = node.putArray("perRound");
        for (RoundRate round : metrics.perRound()) {
            ObjectNode r = perRound.addObject();
            r.put("round", round.round());
            r.put("corrected", round.rate().successes());
            putFraction(r, "rate", round.rate().value());
        }
    }

    /**
     * Estimated cost by role, the calls a batch answered at the batch discount; a role without a
     * price is null, and so is the total then.
     */
    private ObjectNode cost(BenchmarkResult result) {
        ObjectNode node = mapper.createObjectNode();
        node.put("currency", prices.currency());
        BatchTokens batched = result.batched();
        var receiver = prices.cost(result.receiver().alias(), result.receiverUsage(), batched.receiver());
        var provider = prices.cost(result.provider().alias(), result.providerUsage(), batched.provider());
        putCost(node, "receiver", receiver.orElse(null));
        putCost(node, "provider", provider.orElse(null));
        Double total = receiver.isPresent() && provider.isPresent() ? receiver.get() + provider.get() : null;
        if (result.judge() != null) {
            var judge = prices.cost(result.judge().alias(), result.judgeUsage(), batched.judge());
            putCost(node, "judge", judge.orElse(null));
            total = total != null && judge.isPresent() ? total + judge.get() : null;
        }
        putCost(node, "total", total);
        Double saved = sum(prices.savedByPromptCache(result.receiver().alias(), result.receiverUsage()).orElse(null),
                prices.savedByPromptCache(result.provider().alias(), result.providerUsage()).orElse(null));
        Double savedByBatch = sum(prices.savedByBatch(result.receiver().alias(), batched.receiver()).orElse(null),
                prices.savedByBatch(result.provider().alias(), batched.provider()).orElse(null));
        if (result.judge() != null) {
            saved = sum(saved, prices.savedByPromptCache(result.judge().alias(), result.judgeUsage()).orElse(null));
            savedByBatch = sum(savedByBatch, prices.savedByBatch(result.judge().alias(), batched.judge()).orElse(null));
        }
        putCost(node, "savedByPromptCache", saved);
        putCost(node, "savedByBatch", savedByBatch);
        return node;
    }

    private static Double sum(Double a, Double b) {
        return a == null || b == null ? null : a + b;
    }

    /** The share of prompt tokens the API served from its prompt cache; undefined without prompt tokens. */
    static double cachedShare(Usage usage) {
        return usage.promptTokens() == 0 ? Double.NaN : (double) usage.cachedPromptTokens() / usage.promptTokens();
    }

    private static void putCost(ObjectNode node, String field, Double value) {
        if (value == null) node.putNull(field);
        else node.put(field, value);
    }

    /**
     * @param shared the round-0 tokens among {@code usage} that another cell of the matrix was billed; null for the judge
     * @param batched the tokens among {@code usage} billed at the batch discount
     */
    private ObjectNode model(ModelInfo info, String role, Usage usage, Usage shared, Usage batched) {
        ObjectNode node = mapper.createObjectNode();
        node.put("role", role);
        node.put("alias", info.alias());
        node.put("model", info.name());
        node.put("simulated", info.simulated());
        node.set("tokens", tokens(usage));
        if (shared != null) node.set("sharedRoundZeroTokens", tokens(shared));
        putCost(node, "estimatedCost", prices.cost(info.alias(), usage, batched).orElse(null));
        ObjectNode cache = node.putObject("promptCache");
        putFraction(cache, "cachedShare", cachedShare(usage));
        putCost(cache, "saved", prices.savedByPromptCache(info.alias(), usage).orElse(null));
        ObjectNode batch = node.putObject("batch");
        batch.set("tokens", tokens(batched));
        putCost(batch, "saved", prices.savedByBatch(info.alias(), batched).orElse(null));
        return node;
    }

    private ObjectNode tokens(Usage usage) {
        ObjectNode tokens = mapper.createObjectNode();
        tokens.put("prompt", usage.promptTokens());
        tokens.put("completion", usage.completionTokens());
        tokens.put("cachedPrompt", usage.cachedPromptTokens());
        tokens.put("cacheWrite", usage.cacheWriteTokens());
        return tokens;
    }

    /** The corrections guessing untried options would give, beside the correction rate. */
    private ObjectNode chance(ChanceCorrection chance, Metrics metrics) {
        ObjectNode node = mapper.createObjectNode();
        node.put("expected", chance.expected());
        node.put("multipleChoice", chance.multipleChoice());
        putFraction(node, "rate", chance.rate());
        // A difference of two fractions: between -1 and 1.
        if (Double.isNaN(chance.excess(metrics.correctionRate()))) node.putNull("excess");
        else node.put("excess", chance.excess(metrics.correctionRate()));
        return node;
    }

    private ObjectNode maintenance(MaintenanceMetrics maintenance) {
        ObjectNode node = mapper.createObjectNode();
        node.put("tested", maintenance.tested());
        node.put("kept", maintenance.rate().successes());
        node.put("errors", maintenance.errors());
        node.set("rate", rate(maintenance.rate()));
        ArrayNode perRound = node.putArray("perRound");
        for (int k = 0; k < maintenance.keptAfter().size(); k++) {
            Rate kept = maintenance.keptAfter().get(k);
            ObjectNode r = perRound.addObject();
            r.put("round", k + 1);
            r.put("kept", kept.successes());
            putFraction(r, "rate", kept.value());
            putFraction(r, "low", kept.low());
            putFraction(r, "high", kept.high());
        }
        return node;
    }

    private ObjectNode rate(Rate rate) {
        ObjectNode node = mapper.createObjectNode();
        putFraction(node, "value", rate.value());
        putFraction(node, "low", rate.low());
        putFraction(node, "high", rate.high());
        return node;
    }

    /** An undefined rate (no trials) is null, not NaN, which JSON cannot hold. */
    private static void putFraction(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) node.putNull(field);
        else node.put(field, value);
    }
}
