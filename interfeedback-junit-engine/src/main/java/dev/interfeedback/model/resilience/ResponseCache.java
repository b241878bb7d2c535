package dev.interfeedback.model.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.Usage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Responses on disk, by request key: an append-only JSON-lines log read into memory when opened.
 *
 * <p>One log rather than a file per response, because a cached rerun of thousands of calls must
 * cost milliseconds, not thousands of file opens. Each entry is written with a single append, so a
 * crash leaves at most a torn last line, which the next open skips; several processes may append
 * to one log. Only successful responses are ever put: an error must be asked again next time.
 */
public final class ResponseCache {

    static final String FILE = "responses-v1.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ConcurrentMap<Path, ResponseCache> OPEN = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel log;
    private final ConcurrentMap<String, ChatResponse> entries = new ConcurrentHashMap<>();

    private ResponseCache(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) load();
        this.log = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /**
     * The cache in {@code directory}, created when missing; one instance per directory in a
     * process, so that every model of a run shares what the others fetched.
     */
    public static ResponseCache open(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        return OPEN.computeIfAbsent(dir, d -> {
            try {
                Files.createDirectories(d);
                return new ResponseCache(d.resolve(FILE));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the response cache in " + d, e);
            }
        });
    }

    /** A new instance over the directory's log, outside the per-process registry: as another process sees it. */
    static ResponseCache reopen(Path directory) throws IOException {
        Files.createDirectories(directory);
        return new ResponseCache(directory.toAbsolutePath().normalize().resolve(FILE));
    }

    public Optional<ChatResponse> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public void put(String key, ChatResponse response) {
        if (entries.putIfAbsent(key, response) != null) return;
        ObjectNode line = JSON.createObjectNode();
        line.put("key", key);
        line.put("text", response.text());
        line.put("promptTokens", response.usage().promptTokens());
        line.put("completionTokens", response.usage().completionTokens());
        try {
            ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            synchronized (log) {
                while (bytes.hasRemaining()) log.write(bytes);
            }
        } catch (IOException e) {
            // A cache that cannot be written only costs a future call; the run goes on.
            entries.remove(key);
        }
    }

    /** The keys held, for tests and diagnostics. */
    java.util.Set<String> keys() {
        return entries.keySet();
    }

    public int size() {
        return entries.size();
    }

    public Path file() {
        return file;
    }

    private void load() throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                try {
                    JsonNode node = JSON.readTree(line);
                    entries.put(node.get("key").asText(), new ChatResponse(node.get("text").asText(),
                            new Usage(node.path("promptTokens").asLong(), node.path("completionTokens").asLong())));
                } catch (IOException | RuntimeException torn) {
                    // A line cut short by a crash: that response will simply be asked again.
                }
            }
        }
    }
}
