package dev.interfeedback.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.Maintenance;
import dev.interfeedback.episode.Round;
import dev.interfeedback.feedback.Authorship;
import dev.interfeedback.feedback.LeakAction;
import dev.interfeedback.model.Usage;
import dev.interfeedback.scoring.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Episode} as JSON and back, losslessly (tokens included), so that an episode read from
 * the journal counts exactly as the one that was written. {@code episodes.jsonl} uses the same form.
 *
 * <p>Lines are written with the streaming generator rather than a tree: every finished episode
 * is written twice (journal and {@code episodes.jsonl}), and on a rerun answered from the response
 * cache building trees was a good part of the run.
 */
public final class EpisodeCodec {

    // Characters beyond the Basic Multilingual Plane (math letters, emoji) as UTF-8, not as escaped
    // surrogate pairs: the lines stay readable and byte-for-byte comparable.
    static final JsonFactory JSON = new JsonFactoryBuilder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .characterEscapes(new LineBreakEscapes())
            // Written from every worker thread: buffers from one shared pool, not a set per thread.
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
            .build();

    /**
     * JSON allows U+2028, U+2029 and U+0085 raw in strings, but editors, JavaScript and Python's
     * {@code splitlines} end a line there, so a model's answer holding one would split its episode's
     * line in two: they are written escaped, as JSON's other line breaks are.
     */
    private static final class LineBreakEscapes extends CharacterEscapes {

        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 || ch == 0x85
                    ? new SerializedString(String.format("\\u%04x", ch))
                    : null;
        }
    }

    /** The fields of a JSON object, written into the object a generator has started. */
    @FunctionalInterface
    public interface Fields {
        void write(JsonGenerator out) throws IOException;
    }

    private EpisodeCodec() {}

    /** One JSON object holding {@code fields}, as UTF-8 with a closing newline. */
    public static byte[] line(Fields fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            fields.write(out);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a line in memory", e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    /** Writes the episode's fields into the object {@code out} has started. */
    public static void write(JsonGenerator out, Episode episode) throws IOException {
        out.writeStringField("sampleId", episode.sampleId());
        out.writeStringField("category", episode.category());
        out.writeStringField("status", episode.status().name());
        out.writeFieldName("correctedAtRound");
        if (episode.correctedAtRound() == null) out.writeNull();
        else out.writeNumber(episode.correctedAtRound());
        writeRounds(out, episode.rounds());
        if (episode.error() != null) out.writeStringField("error", episode.error());
        usage(out, "receiverUsage", episode.receiverUsage());
        usage(out, "providerUsage", episode.providerUsage());
        Maintenance maintenance = episode.maintenance();
        if (maintenance != null) {
            out.writeObjectFieldStart("maintenance");
            out.writeFieldName("flippedAtRound");
            if (maintenance.flippedAtRound() == null) out.writeNull();
            else out.writeNumber(maintenance.flippedAtRound());
            writeRounds(out, maintenance.rounds());
            if (maintenance.error() != null) out.writeStringField("error", maintenance.error());
            out.writeEndObject();
        }
    }

    private static void writeRounds(JsonGenerator out, List<Round> rounds) throws IOException {
        out.writeArrayFieldStart("rounds");
        for (Round round : rounds) {
            out.writeStartObject();
            out.writeNumberField("round", round.round());
            out.writeStringField("answer", round.answer());
            out.writeStringField("finishReason", round.finishReason());
            out.writeStringField("extracted", round.extracted());
            out.writeBooleanField("correct", round.correct());
            out.writeStringField("rule", round.verdict().rule());
            out.writeBooleanField("certain", round.verdict().certain());
            out.writeStringField("feedback", round.feedback());
            out.writeStringField("leakGuard", round.leakGuard().name());
            if (round.authorship() != null) {
                // Only where a person wrote the feedback: model runs keep their lines as they were.
                out.writeStringField("annotator", round.authorship().annotator());
                out.writeStringField("writtenAt", round.authorship().writtenAt().toString());
                out.writeNumberField("durationMs", round.authorship().durationMs());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static List<Round> readRounds(JsonNode array) {
        List<Round> rounds = new ArrayList<>();
        for (JsonNode r : array) {
            Verdict verdict = new Verdict(text(r, "extracted"), r.path("correct").asBoolean(), text(r, "rule"),
                    r.path("certain").asBoolean(true));
            Authorship authorship = r.hasNonNull("writtenAt")
                    ? new Authorship(text(r, "annotator"), Instant.parse(r.path("writtenAt").asText()), r.path("durationMs").asLong())
                    : null;
            rounds.add(new Round(r.path("round").asInt(), text(r, "answer"), text(r, "finishReason"), verdict, text(r, "feedback"),
                    LeakAction.valueOf(r.path("leakGuard").asText("NONE")), authorship));
        }
        return rounds;
    }

    public static Episode read(JsonNode node) {
        List<Round> rounds = readRounds(node.path("rounds"));
        JsonNode corrected = node.path("correctedAtRound");
        return new Episode(node.path("sampleId").asText(), text(node, "category"),
                EpisodeStatus.valueOf(node.path("status").asText()),
                corrected.isInt() ? corrected.asInt() : null, rounds, text(node, "error"),
                usage(node.path("receiverUsage")), usage(node.path("providerUsage")), maintenance(node.path("maintenance")));
    }

    private static Maintenance maintenance(JsonNode node) {
        if (!node.isObject()) return null;
        JsonNode flipped = node.path("flippedAtRound");
        return new Maintenance(flipped.isInt() ? flipped.asInt() : null, readRounds(node.path("rounds")), text(node, "error"));
    }

    static void usage(JsonGenerator out, String field, Usage usage) throws IOException {
        out.writeObjectFieldStart(field);
        out.writeNumberField("prompt", usage.promptTokens());
        out.writeNumberField("completion", usage.completionTokens());
        // Only when the API used its prompt cache, so that lines of other runs stay as they were.
        if (usage.cachedPromptTokens() > 0) out.writeNumberField("cachedPrompt", usage.cachedPromptTokens());
        if (usage.cacheWriteTokens() > 0) out.writeNumberField("cacheWrite", usage.cacheWriteTokens());
        out.writeEndObject();
    }

    static Usage usage(JsonNode node) {
        return new Usage(node.path("prompt").asLong(), node.path("completion").asLong(),
                node.path("cachedPrompt").asLong(), node.path("cacheWrite").asLong());
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
