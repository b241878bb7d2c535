package dev.interfeedback.maven.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads {@code results.json} (schema version 1), checking every field the plugin relies on. */
public final class ResultsFile {

    private static final int SCHEMA_VERSION = 1;

    private final Path file;

    private ResultsFile(Path file) {
        this.file = file;
    }

    public static List<BenchmarkSummary> read(Path file) throws IOException {
        return new ResultsFile(file).read();
    }

    private List<BenchmarkSummary> read() throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "run interfeedback:evaluate first (phase integration-test)");
        } catch (JsonProcessingException e) {
            throw new ResultsFormatException(file, "not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (root == null || !root.isObject()) throw new ResultsFormatException(file, "expected a JSON object");
        int version = integer(root, "schemaVersion", "");
        if (version != SCHEMA_VERSION) {
            throw new ResultsFormatException(file, "schemaVersion " + version + " is not supported; this plugin reads "
                    + SCHEMA_VERSION);
        }
        JsonNode benchmarks = root.get("benchmarks");
        if (benchmarks == null || !benchmarks.isArray()) throw missing("benchmarks", "an array");
        List<BenchmarkSummary> summaries = new ArrayList<>();
        for (int i = 0; i < benchmarks.size(); i++) {
            summaries.add(benchmark(benchmarks.get(i), "benchmarks[" + i + "]"));
        }
        return summaries;
    }

    private BenchmarkSummary benchmark(JsonNode node, String path) throws ResultsFormatException {
        String id = text(node, "id", path);
        List<Double> perRound = new ArrayList<>();
        for (JsonNode round : array(node, "perRound", path)) {
            JsonNode rate = round.get("rate");
            perRound.add(rate == null || rate.isNull() ? Double.NaN : rate.asDouble());
        }
        List<Figures> categories = new ArrayList<>();
        JsonNode perCategory = array(node, "perCategory", path);
        for (int i = 0; i < perCategory.size(); i++) {
            JsonNode category = perCategory.get(i);
            String where = path + ".perCategory[" + i + "]";
            categories.add(figures(id + "/" + text(category, "category", where), category, where));
        }
        return new BenchmarkSummary(id, model(node, "receiver", path), model(node, "provider", path),
                text(node, "feedback", path), integer(node, "maxRounds", path), node.path("simulated").asBoolean(false),
                figures(id, node, path), perRound, categories);
    }

    private Figures figures(String name, JsonNode node, String path) throws ResultsFormatException {
        JsonNode counts = node.get("counts");
        if (counts == null || !counts.isObject()) throw missing(path + ".counts", "an object");
        String at = path + ".counts";
        long samples = integer(counts, "samples", at), correct = integer(counts, "correctAtRound0", at),
                wrong = integer(counts, "wrongAtRound0", at), testSet = integer(counts, "testSet", at),
                corrected = integer(counts, "corrected", at), errors = integer(counts, "errors", at);
        Map<Counter, Figure> rates = new EnumMap<>(Counter.class);
        rates.put(Counter.ACCURACY, rate(node, "accuracy", path, correct, correct + wrong));
        rates.put(Counter.CORRECTION_RATE, rate(node, "correctionRate", path, corrected, testSet));
        rates.put(Counter.ERROR_RATE, rate(node, "errorRate", path, errors, samples));
        return new Figures(name, rates, testSet);
    }

    private Figure rate(JsonNode node, String field, String path, long successes, long trials)
            throws ResultsFormatException {
        JsonNode rate = node.get(field);
        if (rate == null || !rate.isObject()) throw missing(path + "." + field, "an object {value, low, high}");
        return new Figure(fraction(rate, "value"), fraction(rate, "low"), fraction(rate, "high"), successes, trials);
    }

    private static double fraction(JsonNode rate, String field) {
        JsonNode value = rate.get(field);
        return value == null || value.isNull() ? Double.NaN : value.asDouble();
    }

    private String model(JsonNode node, String field, String path) throws ResultsFormatException {
        JsonNode model = node.get(field);
        if (model == null || !model.isObject()) throw missing(path + "." + field, "an object");
        String alias = text(model, "alias", path + "." + field);
        String name = model.path("model").asText("");
        return model.path("simulated").asBoolean(false) ? alias + " (simulated)" : alias + " (" + name + ")";
    }

    private String text(JsonNode node, String field, String path) throws ResultsFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) throw missing(join(path, field), "a string");
        return value.asText();
    }

    private int integer(JsonNode node, String field, String path) throws ResultsFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) throw missing(join(path, field), "a whole number");
        return value.asInt();
    }

    private JsonNode array(JsonNode node, String field, String path) throws ResultsFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) throw missing(join(path, field), "an array");
        return value;
    }

    private ResultsFormatException missing(String field, String expected) {
        return new ResultsFormatException(file, "field \"" + field + "\": expected " + expected);
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
