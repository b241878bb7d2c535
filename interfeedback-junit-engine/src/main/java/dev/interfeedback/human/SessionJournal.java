package dev.interfeedback.human;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.bench.EpisodeCodec;
import dev.interfeedback.feedback.Authorship;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the people of a session did, one JSON line each: which task each one was shown (a claim),
 * what they were typing (a draft) and what they submitted (feedback). A feedback line is forced to
 * the disk before the receiver hears of it; a restarted page reads the file back, gives each
 * person their task and draft again and asks nobody twice.
 *
 * <p>Entries are kept by task and by a digest of the dialogue they answer, so feedback written on
 * other answers (another receiver) is never reused. Feedback lines have the form
 * {@link ScriptedFeedback} reads, so a session replays from this file as it is.
 */
public final class SessionJournal implements Closeable {

    static final String FEEDBACK = "feedback";
    static final String CLAIM = "claim";
    static final String DRAFT = "draft";

    /** Who was shown a task, and when. */
    public record Claim(String annotator, Instant at) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel out;
    private final Map<String, WrittenFeedback> feedback = new HashMap<>();
    private final Map<String, Claim> claims = new HashMap<>();
    private final Map<String, String> drafts = new HashMap<>();

    private SessionJournal(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) load();
        this.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    public static SessionJournal open(Path file) throws IOException {
        return new SessionJournal(file);
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<WrittenFeedback> feedback(FeedbackTask task) {
        return Optional.ofNullable(feedback.get(key(task)));
    }

    public synchronized Optional<Claim> claim(FeedbackTask task) {
        return Optional.ofNullable(claims.get(key(task)));
    }

    public synchronized Optional<String> draft(FeedbackTask task) {
        return Optional.ofNullable(drafts.get(key(task)));
    }

    /** How many feedback texts the session holds. */
    public synchronized int given() {
        return feedback.size();
    }

    public synchronized void recordClaim(FeedbackTask task, Claim claim) {
        claims.put(key(task), claim);
        append(task, CLAIM, line -> {
            line.writeStringField("annotator", claim.annotator());
            line.writeStringField("at", claim.at().toString());
        }, false);
    }

    public synchronized void recordDraft(FeedbackTask task, String annotator, String text) {
        drafts.put(key(task), text);
        append(task, DRAFT, line -> {
            line.writeStringField("annotator", annotator);
            line.writeStringField("text", text);
        }, false);
    }

    /** Journals a submitted text and forces it to the disk: only then may the receiver be called. */
    public synchronized void recordFeedback(FeedbackTask task, WrittenFeedback written) {
        feedback.put(key(task), written);
        append(task, FEEDBACK, line -> {
            line.writeStringField("text", written.text());
            line.writeStringField("annotator", written.authorship().annotator());
            line.writeStringField("writtenAt", written.authorship().writtenAt().toString());
            line.writeNumberField("durationMs", written.authorship().durationMs());
        }, true);
    }

    @Override
    public synchronized void close() throws IOException {
        if (out.isOpen()) out.close();
    }

    private void append(FeedbackTask task, String type, EpisodeCodec.Fields fields, boolean force) {
        byte[] line = EpisodeCodec.line(json -> {
            json.writeStringField("type", type);
            json.writeStringField("sampleId", task.sample().id());
            json.writeNumberField("round", task.round());
            json.writeStringField("dialogue", task.dialogueDigest());
            fields.write(json);
        });
        try {
            // One write per line, so a kill leaves at most a torn last line, which loading drops.
            ByteBuffer bytes = ByteBuffer.wrap(line);
            while (bytes.hasRemaining()) out.write(bytes);
            if (force) out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the human session journal " + file, e);
        }
    }

    private void load() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') end--;
        if (end < bytes.length) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(end);
            }
        }
        int number = 0;
        for (String text : new String(bytes, 0, end, StandardCharsets.UTF_8).lines().toList()) {
            number++;
            if (text.isBlank()) continue;
            JsonNode line;
            try {
                line = JSON.readTree(text);
            } catch (IOException e) {
                throw new IOException(file + ":" + number + ": expected a JSON object of the human session journal", e);
            }
            String key = line.path("sampleId").asText() + "#" + line.path("round").asInt() + "#" + line.path("dialogue").asText();
            switch (line.path("type").asText()) {
                case CLAIM -> claims.put(key, new Claim(line.path("annotator").asText(), Instant.parse(line.path("at").asText())));
                case DRAFT -> drafts.put(key, line.path("text").asText());
                case FEEDBACK -> feedback.put(key, new WrittenFeedback(line.path("text").asText(), new Authorship(
                        line.path("annotator").asText(), Instant.parse(line.path("writtenAt").asText()),
                        line.path("durationMs").asLong())));
                default -> throw new IOException(file + ":" + number + ": type: expected claim, draft or feedback, found "
                        + line.path("type"));
            }
        }
    }

    private static String key(FeedbackTask task) {
        return task.id() + "#" + task.dialogueDigest();
    }
}
