package dev.interfeedback.maven.results;

import static dev.interfeedback.maven.results.Expected.ARRAY;
import static dev.interfeedback.maven.results.Expected.BOOLEAN;
import static dev.interfeedback.maven.results.Expected.COUNT;
import static dev.interfeedback.maven.results.Expected.FRACTION;
import static dev.interfeedback.maven.results.Expected.FRACTION_OR_NULL;
import static dev.interfeedback.maven.results.Expected.OBJECT;
import static dev.interfeedback.maven.results.Expected.ROUND;
import static dev.interfeedback.maven.results.Expected.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code results.json} (schema version 1) and validates it: every field's type and range,
 * counts that add up (see {@link Counts}), rates that follow from their counts, intervals around
 * their values, categories that add up to their benchmark.
 */
public final class ResultsFile {

    static final String RUN_EVALUATE = "run interfeedback:evaluate first (phase integration-test)";
    private static final int SCHEMA_VERSION = 1;
    /** How far a rate may be from its counts' ratio, or outside its interval: floating-point rounding. */
    private static final double TOLERANCE = 1e-9;

    private final JsonFile json;

    private ResultsFile(Path file) {
        this.json = new JsonFile(file);
    }

    public static RunResults read(Path file) throws IOException {
        return new ResultsFile(file).read();
    }

    private RunResults read() throws IOException {
        JsonNode root = json.root(RUN_EVALUATE);
        int version = json.field(root, "", "schemaVersion", ROUND).asInt();
        if (version != SCHEMA_VERSION) {
            throw json.problem("schemaVersion", version + " is not supported; this plugin reads " + SCHEMA_VERSION);
        }
        JsonNode runId = json.optional(root, "", "runId", STRING);
        JsonNode benchmarks = json.field(root, "", "benchmarks", ARRAY);
        if (benchmarks.isEmpty()) {
            throw json.problem("benchmarks", "expected at least one benchmark, found none: the run measured nothing");
        }
        List<BenchmarkSummary> summaries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < benchmarks.size(); i++) {
            BenchmarkSummary summary = benchmark(benchmarks.get(i), "benchmarks[" + i + "]");
            if (!ids.add(summary.id())) {
                throw json.problem("benchmarks[" + i + "].id", "\"" + summary.id() + "\" appears twice");
            }
            summaries.add(summary);
        }
        return new RunResults(runId == null ? null : runId.asText(), summaries);
    }

    private BenchmarkSummary benchmark(JsonNode node, String path) throws ResultsFormatException {
        if (!OBJECT.accepts(node)) throw json.mismatch(path, OBJECT.description(), node);
        String id = json.field(node, path, "id", STRING).asText();
        int maxRounds = json.field(node, path, "maxRounds", COUNT).asInt();
        Figures figures = figures(id, node, path);
        List<Double> perRound = perRound(node, path, maxRounds, figures.counts());
        List<Figures> categories = new ArrayList<>();
        JsonNode perCategory = json.field(node, path, "perCategory", ARRAY);
        for (int i = 0; i < perCategory.size(); i++) {
            String where = path + ".perCategory[" + i + "]";
            JsonNode category = perCategory.get(i);
            if (!OBJECT.accepts(category)) throw json.mismatch(where, OBJECT.description(), category);
            categories.add(figures(id + "/" + json.field(category, where, "category", STRING).asText(), category, where));
        }
        if (!categories.isEmpty()) addsUp(categories, figures.counts(), path);
        JsonNode simulated = json.optional(node, path, "simulated", BOOLEAN);
        return new BenchmarkSummary(id, model(node, "receiver", path), model(node, "provider", path),
                json.field(node, path, "feedback", STRING).asText(), maxRounds,
                simulated != null && simulated.asBoolean(), figures, perRound, categories, cell(node, path));
    }

    /** The optional {@code matrix} and {@code cell} (receiver,provider,feedback) of a matrix's benchmark. */
    private BenchmarkSummary.MatrixCell cell(JsonNode node, String path) throws ResultsFormatException {
        JsonNode matrix = json.optional(node, path, "matrix", STRING);
        JsonNode cell = json.optional(node, path, "cell", STRING);
        if (matrix == null && cell == null) return null;
        if (matrix == null || cell == null) {
            throw json.problem(JsonFile.join(path, matrix == null ? "matrix" : "cell"),
                    "missing: a matrix's benchmark has both \"matrix\" and \"cell\"");
        }
        String[] parts = cell.asText().split(",", -1);
        if (parts.length != 3 || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
            throw json.problem(JsonFile.join(path, "cell"), "expected \"<receiver>,<provider>,<feedback>\", found \""
                    + cell.asText() + "\"");
        }
        return new BenchmarkSummary.MatrixCell(matrix.asText(), parts[0], parts[1], parts[2]);
    }

    private Figures figures(String name, JsonNode node, String path) throws ResultsFormatException {
        Counts counts = counts(json.field(node, path, "counts", OBJECT), path + ".counts");
        Map<Counter, Figure> rates = new EnumMap<>(Counter.class);
        for (Counter counter : Counter.values()) {
            rates.put(counter, counter == Counter.MAINTENANCE_RATE ? maintenance(node, path, counts) : rate(node, path, counter, counts));
        }
        return new Figures(name, rates, counts);
    }

    private Counts counts(JsonNode node, String path) throws ResultsFormatException {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String field : Counts.FIELDS) values.put(field, json.field(node, path, field, COUNT).asLong());
        for (List<String> sum : Counts.PARTITION) {
            List<String> parts = sum.subList(1, sum.size());
            long total = parts.stream().mapToLong(values::get).sum();
            if (total != values.get(sum.get(0))) {
                throw json.problem(JsonFile.join(path, sum.get(0)), "expected " + String.join(" + ", parts) + " = "
                        + String.join(" + ", parts.stream().map(f -> values.get(f).toString()).toList()) + " = " + total
                        + ", found " + values.get(sum.get(0)) + ": the counts do not add up");
            }
        }
        return Counts.of(values);
    }

    /** A rate with its interval, which must follow from the counts: null when its denominator is 0. */
    private Figure rate(JsonNode node, String path, Counter counter, Counts counts) throws ResultsFormatException {
        String at = JsonFile.join(path, counter.field());
        JsonNode rate = json.field(node, path, counter.field(), OBJECT);
        long successes = counter.successes(counts), trials = counter.trials(counts);
        if (trials == 0) {
            for (String field : List.of("value", "low", "high")) {
                JsonNode value = rate.get(field);
                if (value == null || !value.isNull()) {
                    throw json.mismatch(JsonFile.join(at, field), "null, since " + counter.formula() + " has no denominator",
                            value);
                }
            }
            return new Figure(Double.NaN, Double.NaN, Double.NaN, successes, trials);
        }
        double value = json.field(rate, at, "value", FRACTION).asDouble();
        double low = json.field(rate, at, "low", FRACTION).asDouble();
        double high = json.field(rate, at, "high", FRACTION).asDouble();
        double expected = (double) successes / trials;
        if (Math.abs(value - expected) > TOLERANCE) {
            throw json.problem(JsonFile.join(at, "value"), String.format(Locale.ROOT,
                    "expected %s = %d / %d = %s, found %s", counter.formula(), successes, trials, expected, value));
        }
        if (!(low <= value + TOLERANCE && value <= high + TOLERANCE)) {
            throw json.problem(at, "expected low <= value <= high, found low " + low + ", value " + value + ", high " + high);
        }
        return new Figure(value, low, high, successes, trials);
    }

    /**
     * The optional answer-maintenance control: {@code kept} of {@code tested} samples right at round
     * 0, with {@code errors} apart; its rate must follow from them like every other.
     */
    private Figure maintenance(JsonNode node, String path, Counts counts) throws ResultsFormatException {
        JsonNode maintenance = json.optional(node, path, "maintenance", OBJECT);
        if (maintenance == null) return new Figure(Double.NaN, Double.NaN, Double.NaN, 0, 0);
        String at = JsonFile.join(path, "maintenance");
        long tested = json.field(maintenance, at, "tested", COUNT).asLong();
        long kept = json.field(maintenance, at, "kept", COUNT).asLong();
        long errors = json.field(maintenance, at, "errors", COUNT).asLong();
        if (kept > tested) throw json.problem(JsonFile.join(at, "kept"), "expected at most tested (" + tested + "), found " + kept);
        if (tested + errors > counts.correctAtRound0()) {
            throw json.problem(at, "expected tested + errors = " + tested + " + " + errors + " to be at most counts.correctAtRound0 ("
                    + counts.correctAtRound0() + "): the control runs only on samples right at round 0");
        }
        JsonNode rate = json.field(maintenance, at, "rate", OBJECT);
        String rateAt = JsonFile.join(at, "rate");
        if (tested == 0) {
            for (String field : List.of("value", "low", "high")) {
                JsonNode value = rate.get(field);
                if (value == null || !value.isNull()) {
                    throw json.mismatch(JsonFile.join(rateAt, field), "null, since no sample was tested", value);
                }
            }
            return new Figure(Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        double value = json.field(rate, rateAt, "value", FRACTION).asDouble();
        double low = json.field(rate, rateAt, "low", FRACTION).asDouble();
        double high = json.field(rate, rateAt, "high", FRACTION).asDouble();
        if (Math.abs(value - (double) kept / tested) > TOLERANCE) {
            throw json.problem(JsonFile.join(rateAt, "value"), String.format(Locale.ROOT,
                    "expected maintenance.kept / maintenance.tested = %d / %d = %s, found %s", kept, tested,
                    (double) kept / tested, value));
        }
        if (!(low <= value + TOLERANCE && value <= high + TOLERANCE)) {
            throw json.problem(rateAt, "expected low <= value <= high, found low " + low + ", value " + value + ", high " + high);
        }
        return new Figure(value, low, high, kept, tested);
    }

    private List<Double> perRound(JsonNode node, String path, int maxRounds, Counts counts) throws ResultsFormatException {
        JsonNode rounds = json.field(node, path, "perRound", ARRAY);
        List<Double> rates = new ArrayList<>();
        long corrected = 0;
        for (int i = 0; i < rounds.size(); i++) {
            String at = path + ".perRound[" + i + "]";
            JsonNode round = rounds.get(i);
            if (!OBJECT.accepts(round)) throw json.mismatch(at, OBJECT.description(), round);
            int number = json.field(round, at, "round", ROUND).asInt();
            if (number != i + 1 || number > maxRounds) {
                throw json.problem(at + ".round", "expected " + (i + 1) + " (rounds 1.." + maxRounds + " in order), found " + number);
            }
            corrected += json.field(round, at, "corrected", COUNT).asLong();
            JsonNode rate = json.field(round, at, "rate", FRACTION_OR_NULL);
            rates.add(rate.isNull() ? Double.NaN : rate.asDouble());
        }
        if (corrected != counts.corrected()) {
            throw json.problem(path + ".perRound", "the rounds' corrected add up to " + corrected + ", but counts.corrected is "
                    + counts.corrected());
        }
        return rates;
    }

    /** Categories are a partition of their benchmark's samples, so their counts add up to its counts. */
    private void addsUp(List<Figures> categories, Counts total, String path) throws ResultsFormatException {
        Map<String, Long> totals = total.byField();
        Map<String, Long> sums = new LinkedHashMap<>();
        for (Figures category : categories) category.counts().byField().forEach((field, value) -> sums.merge(field, value, Long::sum));
        for (String field : Counts.FIELDS) {
            if (!sums.get(field).equals(totals.get(field))) {
                throw json.problem(path + ".perCategory", "the categories' counts." + field + " add up to " + sums.get(field)
                        + ", but " + path + ".counts." + field + " is " + totals.get(field));
            }
        }
    }

    private String model(JsonNode node, String field, String path) throws ResultsFormatException {
        String at = JsonFile.join(path, field);
        JsonNode model = json.field(node, path, field, OBJECT);
        String alias = json.field(model, at, "alias", STRING).asText();
        String name = json.field(model, at, "model", STRING).asText();
        JsonNode simulated = json.optional(model, at, "simulated", BOOLEAN);
        return simulated != null && simulated.asBoolean() ? alias + " (simulated)" : alias + " (" + name + ")";
    }
}
