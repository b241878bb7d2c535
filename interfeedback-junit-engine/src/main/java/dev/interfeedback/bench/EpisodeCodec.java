package dev.interfeedback.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.Round;
import dev.interfeedback.feedback.LeakAction;
import dev.interfeedback.model.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Episode} as JSON and back, losslessly (tokens included), so that an episode read from
 * the journal counts exactly as the one that was written. {@code episodes.jsonl} uses the same form.
 */
public final class EpisodeCodec {

    private final ObjectMapper json;

    public EpisodeCodec(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode write(Episode episode) {
        ObjectNode node = json.createObjectNode();
        node.put("sampleId", episode.sampleId());
        node.put("category", episode.category());
        node.put("status", episode.status().name());
        if (episode.correctedAtRound() == null) node.putNull("correctedAtRound");
        else node.put("correctedAtRound", episode.correctedAtRound());
        ArrayNode rounds = node.putArray("rounds");
        for (Round round : episode.rounds()) {
            ObjectNode r = rounds.addObject();
            r.put("round", round.round());
            r.put("answer", round.answer());
            r.put("extracted", round.extracted());
            r.put("correct", round.correct());
            r.put("feedback", round.feedback());
            r.put("leakGuard", round.leakGuard().name());
        }
        if (episode.error() != null) node.put("error", episode.error());
        node.set("receiverUsage", usage(episode.receiverUsage()));
        node.set("providerUsage", usage(episode.providerUsage()));
        return node;
    }

    public Episode read(JsonNode node) {
        List<Round> rounds = new ArrayList<>();
        for (JsonNode r : node.path("rounds")) {
            rounds.add(new Round(r.path("round").asInt(), text(r, "answer"), text(r, "extracted"),
                    r.path("correct").asBoolean(), text(r, "feedback"), LeakAction.valueOf(r.path("leakGuard").asText("NONE"))));
        }
        JsonNode corrected = node.path("correctedAtRound");
        return new Episode(node.path("sampleId").asText(), text(node, "category"),
                EpisodeStatus.valueOf(node.path("status").asText()),
                corrected.isInt() ? corrected.asInt() : null, rounds, text(node, "error"),
                usage(node.path("receiverUsage")), usage(node.path("providerUsage")));
    }

    ObjectNode usage(Usage usage) {
        return json.createObjectNode().put("prompt", usage.promptTokens()).put("completion", usage.completionTokens());
    }

    static Usage usage(JsonNode node) {
        return new Usage(node.path("prompt").asLong(), node.path("completion").asLong());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
