package dev.interfeedback.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.RoundZero;
import dev.interfeedback.model.Usage;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a run has finished, so that a run killed at any point (kill -9 included) can be started
 * again and do only the rest: every successful round-0 answer and every finished episode is
 * appended as one JSON line and written through to the operating system before it counts.
 *
 * <p>A line is written with a single write call, so a kill leaves at most one torn last line,
 * which opening drops. The first line names the run (models, feedback, rounds, dataset): a journal
 * of a different run is not resumed but started afresh. Errors are not journaled: a resumed run
 * tries them again, since an outage is no verdict.
 *
 * <p>Only what an interrupted run left is held in memory, for the lookups of the run that resumes
 * it; what this run records goes to the file alone (the run asks for each sample once, before it
 * records it), so the journal's heap does not grow with the samples a run finishes.
 */
public final class RunJournal implements Closeable {

    /** Which model's round-0 answer an entry holds. */
    public enum Role { RECEIVER, PROVIDER }

    /** A round-0 answer as journaled: the response and its tokens; the verdict is recomputed from them. */
    public record Answer(String response, String finishReason, Usage usage) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 1;

    private final Path file;
    private final FileChannel out;
    /** What the interrupted run left, read when the journal was opened; what this run records is not added. */
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Episode> episodes = new ConcurrentHashMap<>();
    private final int resumed;
    private final Path superseded;

    private RunJournal(Path file, String run, boolean resume) throws IOException {
        this.file = file;
        Path old = null;
        if (file != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            boolean kept = resume && Files.exists(file) && load(file, run);
            if (resume && !kept && Files.exists(file) && Files.size(file) > 0) {
                // An interrupted run of other data or settings: its work cannot be reused, but it
                // may be all someone has of a long run, so it is moved aside rather than erased.
                old = file.resolveSibling(file.getFileName() + ".superseded");
                Files.move(file, old, StandardCopyOption.REPLACE_EXISTING);
            }
            this.out = openForAppend(file, kept);
            if (!kept) {
                append(EpisodeCodec.line(line -> {
                    line.writeNumberField("journal", FORMAT);
                    line.writeStringField("run", run);
                }));
            }
        } else {
            this.out = null;
        }
        this.resumed = episodes.size();
        this.superseded = old;
    }

    /**
     * Opens the journal of a run.
     *
     * @param run what identifies the run; a journal of another run is discarded
     * @param resume whether to continue from what the file holds; false starts afresh
     */
    public static RunJournal open(Path file, String run, boolean resume) throws IOException {
        return new RunJournal(file, run, resume);
    }

    /** Where a benchmark's journal lives: {@code journal/<benchmark>.jsonl} in the output directory. */
    public static Path file(Path outputDir, String benchmarkId) {
        return outputDir.resolve("journal").resolve(benchmarkId.replaceAll("[^A-Za-z0-9._-]", "_") + ".jsonl");
    }

    /** A journal that remembers nothing: every run starts from scratch. */
    public static RunJournal none() {
        try {
            return new RunJournal(null, "", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Answer> roundZero(Role role, String sampleId) {
        return Optional.ofNullable(answers.get(key(role, sampleId)));
    }

    public Optional<Episode> episode(String sampleId) {
        return Optional.ofNullable(episodes.get(sampleId));
    }

    /**
     * Where the journal of an interrupted run went when its run differed from this one (the
     * dataset or the settings changed): this run started afresh, and the old journal is kept there.
     */
    public Optional<Path> superseded() {
        return Optional.ofNullable(superseded);
    }

    /** Episodes found in the file when it was opened. */
    public int resumedEpisodes() {
        return resumed;
    }

    public void recordRoundZero(Role role, String sampleId, RoundZero answer) {
        if (answer.failed()) return;
        append(EpisodeCodec.line(line -> {
            line.writeStringField("type", "round0");
            line.writeStringField("role", role.name());
            line.writeStringField("sampleId", sampleId);
            line.writeStringField("response", answer.response());
            line.writeStringField("finishReason", answer.finishReason());
            EpisodeCodec.usage(line, "usage", answer.usage());
        }));
    }

    public void recordEpisode(Episode episode) {
        if (episode.status() == EpisodeStatus.ERROR) return;
        append(EpisodeCodec.line(line -> {
            line.writeStringField("type", "episode");
            line.writeObjectFieldStart("episode");
            EpisodeCodec.write(line, episode);
            line.writeEndObject();
        }));
    }

    /**
     * The run is over and its results are written: the journal has done its job and goes, and so
     * does the journal folder once no other journal is in it.
     */
    public void delete() throws IOException {
        close();
        if (file == null) return;
        Files.deleteIfExists(file);
        try {
            Files.deleteIfExists(file.toAbsolutePath().getParent());
        } catch (DirectoryNotEmptyException e) {
            // Another benchmark's journal (or a superseded one) is still there.
        }
    }

    /**
     * Opens the file for appending, creating its folder. A benchmark that finishes deletes the
     * folder when it empties, possibly between another one's creating it and opening its file: then
     * the folder is made again.
     */
    private static FileChannel openForAppend(Path file, boolean keep) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        keep ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            } catch (NoSuchFileException e) {
                if (attempt == 3) throw e;
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null && out.isOpen()) out.close();
    }

    private void append(byte[] line) {
        if (out == null) return;
        try {
            ByteBuffer bytes = ByteBuffer.wrap(line);
            synchronized (out) {
                while (bytes.hasRemaining()) out.write(bytes);
            }
        } catch (IOException e) {
            // Going on without the journal would make a later resume repeat work silently.
            throw new UncheckedIOException("cannot append to the run journal " + file, e);
        }
    }

    private boolean load(Path file, String run) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') end--;
        if (end < bytes.length) {
            // A torn last line from a kill: cut it off, or the next append would be glued to it.
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(end);
            }
        }
        List<String> lines = new String(bytes, 0, end, StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty()) return false;
        JsonNode header = JSON.readTree(lines.get(0));
        if (header.path("journal").asInt() != FORMAT || !run.equals(header.path("run").asText())) return false;
        for (String text : lines.subList(1, lines.size())) {
            JsonNode line = JSON.readTree(text);
            switch (line.path("type").asText()) {
                case "round0" -> answers.put(key(Role.valueOf(line.path("role").asText()), line.path("sampleId").asText()),
                        new Answer(line.path("response").asText(), EpisodeCodec.text(line, "finishReason"),
                                EpisodeCodec.usage(line.path("usage"))));
                case "episode" -> {
                    Episode episode = EpisodeCodec.read(line.path("episode"));
                    episodes.put(episode.sampleId(), episode);
                }
                default -> throw new IOException("run journal " + file + ": unknown entry " + text);
            }
        }
        return true;
    }

    private static String key(Role role, String sampleId) {
        return role.name() + "\u0000" + sampleId;
    }
}
