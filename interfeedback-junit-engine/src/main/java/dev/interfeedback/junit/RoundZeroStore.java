package dev.interfeedback.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.episode.RoundZero;
import dev.interfeedback.model.Usage;
import dev.interfeedback.scoring.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The round-0 answers of a benchmark's two models, kept in {@code round-zero/<benchmark>.json}
 * so that rerunning one sample does not ask both models again. Answers are only reused for the
 * same models: each side is stored under a digest of its alias, URL and model name (a digest,
 * since a URL may carry credentials). Failed calls are not stored; a rerun tries them again.
 */
final class RoundZeroStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;

    RoundZeroStore(Path dir) {
        this.dir = dir;
    }

    /** Stored answers of both models, by sample id; samples missing either are left out. */
    synchronized Map<String, RoundZero[]> load(String benchmark, String receiverKey, String providerKey)
            throws IOException {
        Map<String, RoundZero[]> answers = new HashMap<>();
        ObjectNode root = read(benchmark);
        if (!receiverKey.equals(root.path("receiver").asText()) || !providerKey.equals(root.path("provider").asText())) {
            return answers;
        }
        for (Map.Entry<String, JsonNode> sample : root.path("samples").properties()) {
            JsonNode r = sample.getValue().get("receiver"), p = sample.getValue().get("provider");
            if (r != null && p != null) answers.put(sample.getKey(), new RoundZero[] {roundZero(r), roundZero(p)});
        }
        return answers;
    }

    /** Adds answers to the stored ones; stored answers of other models are dropped. */
    synchronized void save(String benchmark, String receiverKey, String providerKey, Map<String, RoundZero> receiver,
            Map<String, RoundZero> provider) throws IOException {
        ObjectNode root = read(benchmark);
        if (!receiverKey.equals(root.path("receiver").asText()) || !providerKey.equals(root.path("provider").asText())) {
            root = MAPPER.createObjectNode();
        }
        root.put("schemaVersion", 1);
        root.put("receiver", receiverKey);
        root.put("provider", providerKey);
        ObjectNode samples = root.has("samples") ? (ObjectNode) root.get("samples") : root.putObject("samples");
        receiver.forEach((id, answer) -> put(samples, id, "receiver", answer));
        provider.forEach((id, answer) -> put(samples, id, "provider", answer));
        Path file = file(benchmark);
        Files.createDirectories(dir);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        MAPPER.writeValue(temp.toFile(), root);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void put(ObjectNode samples, String id, String side, RoundZero answer) {
        ObjectNode sample = samples.has(id) ? (ObjectNode) samples.get(id) : samples.putObject(id);
        if (answer.failed()) {
            sample.remove(side);
            return;
        }
        ObjectNode node = sample.putObject(side);
        node.put("response", answer.response());
        node.put("finishReason", answer.finishReason());
        node.put("extracted", answer.verdict().extracted());
        node.put("correct", answer.verdict().correct());
        node.put("rule", answer.verdict().rule());
        node.put("certain", answer.verdict().certain());
        node.put("promptTokens", answer.usage().promptTokens());
        node.put("completionTokens", answer.usage().completionTokens());
    }

    private static RoundZero roundZero(JsonNode node) {
        JsonNode extracted = node.get("extracted");
        return new RoundZero(node.path("response").asText(), node.path("finishReason").asText(null),
                new Verdict(extracted == null || extracted.isNull() ? null : extracted.asText(), node.path("correct").asBoolean(),
                        node.path("rule").asText(null), node.path("certain").asBoolean(true)),
                new Usage(node.path("promptTokens").asLong(), node.path("completionTokens").asLong()), null);
    }

    private ObjectNode read(String benchmark) throws IOException {
        Path file = file(benchmark);
        if (!Files.isRegularFile(file)) return MAPPER.createObjectNode();
        JsonNode root = MAPPER.readTree(file.toFile());
        return root instanceof ObjectNode object ? object : MAPPER.createObjectNode();
    }

    private Path file(String benchmark) {
        return dir.resolve(FileNames.safe(benchmark) + ".json");
    }
}
