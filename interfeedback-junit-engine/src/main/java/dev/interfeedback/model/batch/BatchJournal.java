package dev.interfeedback.model.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The batches a run created, one JSON line each, written through as soon as the API names the
 * batch: a run killed while it waits for them polls the same batches when it starts again, and
 * never sends (and pays for) their requests twice. A torn last line (a kill while writing it) is
 * skipped.
 */
final class BatchJournal {

    /** A created batch: the alias whose requests it holds, its id, and the custom ids of its lines. */
    record Entry(String alias, String batchId, List<String> customIds) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    BatchJournal(Path file) {
        this.file = file;
    }

    /** Beside a benchmark's run journal: {@code <benchmark>.batches.jsonl}. */
    static Path besideRunJournal(Path runJournal) {
        String name = runJournal.getFileName().toString();
        return runJournal.resolveSibling(name.replaceFirst("\\.jsonl$", "") + ".batches.jsonl");
    }

    List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isRegularFile(file)) return entries;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                continue; // torn by a kill: that batch's id never came back, so nothing of it was waited for
            }
            List<String> ids = new ArrayList<>();
            node.path("customIds").forEach(id -> ids.add(id.asText()));
            entries.add(new Entry(node.path("alias").asText(), node.path("batch").asText(), ids));
        }
        return entries;
    }

    void append(Entry entry) throws IOException {
        ObjectNode node = JSON.createObjectNode().put("alias", entry.alias()).put("batch", entry.batchId());
        entry.customIds().forEach(node.putArray("customIds")::add);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
