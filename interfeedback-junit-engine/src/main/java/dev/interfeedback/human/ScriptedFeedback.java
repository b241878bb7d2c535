package dev.interfeedback.human;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.feedback.Authorship;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Feedback read from files, by sample id and round: a recorded session replayed against the same
 * receiver, or feedback written ahead for tests and CI. One JSON object per line:
 * {@code {"sampleId": "q1", "round": 1, "text": "...", "annotator": "ana", "writtenAt":
 * "2026-01-01T10:00:00Z", "durationMs": 42000}} ({@code annotator}, {@code writtenAt} and
 * {@code durationMs} optional). The page's session journal has this form, so it replays as it
 * is; its claim and draft lines are passed over. Several files merge; a task given twice is an error.
 */
public final class ScriptedFeedback implements FeedbackSource {

    /** The annotator of lines that name none. */
    public static final String RECORDED = "recorded";

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Entry(WrittenFeedback feedback, String where) {}

    private final Map<String, Entry> byTask = new HashMap<>();
    private final List<Path> files;

    private ScriptedFeedback(List<Path> files) {
        this.files = List.copyOf(files);
    }

    /** Reads every file; a bad line fails with its file, line, field and what was expected. */
    public static ScriptedFeedback read(List<Path> files) throws IOException {
        ScriptedFeedback script = new ScriptedFeedback(files);
        for (Path file : files) script.load(file);
        return script;
    }

    @Override
    public WrittenFeedback await(FeedbackTask task) throws FeedbackUnavailableException {
        return find(task).orElseThrow(() -> new FeedbackUnavailableException("the recorded feedback " + files
                + " has no text for sample " + task.sample().id() + " round " + task.round()));
    }

    /** The recorded text of a task, if the files hold one. */
    public Optional<WrittenFeedback> find(FeedbackTask task) {
        return Optional.ofNullable(byTask.get(task.id())).map(Entry::feedback);
    }

    /** With a person in the page for the tasks these files lack. */
    public FeedbackSource thenPage(FeedbackSource page) {
        return new ReplayThenPage(this, page);
    }

    /** How many texts the files hold. */
    public int size() {
        return byTask.size();
    }

    private void load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new BadFeedbackFileException(file + ": recorded feedback file not found");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            String where = file + ":" + (i + 1);
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new BadFeedbackFileException(where + ": expected a JSON object, found: " + e.getOriginalMessage());
            }
            if (!node.isObject()) throw new BadFeedbackFileException(where + ": expected a JSON object");
            String type = node.path("type").asText("feedback");
            if (SessionJournal.CLAIM.equals(type) || SessionJournal.DRAFT.equals(type)) continue;
            if (!SessionJournal.FEEDBACK.equals(type)) {
                throw new BadFeedbackFileException(where + ": type: expected feedback, claim or draft, found \"" + type + "\"");
            }
            String sampleId = text(node, "sampleId", where);
            JsonNode round = node.get("round");
            if (round == null || !round.canConvertToInt() || !round.isIntegralNumber() || round.asInt() < 1) {
                throw new BadFeedbackFileException(where + ": round: expected a whole number of at least 1, found " + round);
            }
            String text = text(node, "text", where);
            String annotator = node.has("annotator") ? text(node, "annotator", where) : RECORDED;
            Instant writtenAt = Instant.EPOCH;
            if (node.has("writtenAt")) {
                try {
                    writtenAt = Instant.parse(text(node, "writtenAt", where));
                } catch (DateTimeParseException e) {
                    throw new BadFeedbackFileException(where + ": writtenAt: expected an ISO-8601 instant such as 2026-01-01T10:00:00Z, found "
                            + node.get("writtenAt"));
                }
            }
            long durationMs = 0;
            if (node.has("durationMs")) {
                JsonNode duration = node.get("durationMs");
                if (!duration.isIntegralNumber() || duration.asLong() < 0) {
                    throw new BadFeedbackFileException(where + ": durationMs: expected a whole number of milliseconds, at least 0, found " + duration);
                }
                durationMs = duration.asLong();
            }
            String id = sampleId + "#" + round.asInt();
            Entry previous = byTask.put(id, new Entry(new WrittenFeedback(text, new Authorship(annotator, writtenAt, durationMs)), where));
            if (previous != null) {
                throw new BadFeedbackFileException(where + ": sample " + sampleId + " round " + round.asInt()
                        + " has feedback already, at " + previous.where() + "; expected one text per sample and round");
            }
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) throw new BadFeedbackFileException(where + ": " + field + ": missing; expected a text");
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new BadFeedbackFileException(where + ": " + field + ": expected a non-empty text, found " + value);
        }
        return value.asText();
    }
}
