package dev.interfeedback.model.resilience;

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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Responses on disk, by request key: an append-only log read into memory when opened.
 *
 * <p>One log rather than a file per response, because a cached rerun of thousands of calls must
 * cost milliseconds, not thousands of file opens; and a plain tab-separated line
 * ({@code key, prompt tokens, completion tokens, escaped text, "end"}; the prompt tokens followed by
 * {@code /cached/written} when the API's prompt cache served or stored part of the prompt) rather
 * than JSON, because reading
 * it is most of what a cached rerun does. The log is read in the background from the moment the
 * cache is opened, while the run loads its dataset; the first lookup waits for it.
 *
 * <p>Each entry is written with a single append, so a crash leaves at most a torn last line, which
 * reading skips; several processes may append to one log. Only successful responses are ever put:
 * an error must be asked again next time.
 */
public final class ResponseCache {

    static final String FILE = "responses-v1.log";
    // Marks a whole line: a line cut short by a crash lacks it, and must not pass for a shorter answer.
    private static final String END = "\tend\n";
    private static final ConcurrentMap<Path, ResponseCache> OPEN = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel log;
    private final ConcurrentMap<String, ChatResponse> entries = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> loaded;

    private ResponseCache(Path file) throws IOException {
        this.file = file;
        boolean exists = Files.exists(file);
        this.log = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (exists && log.size() > 0) {
            // A torn line without its newline would swallow the next entry appended.
            ByteBuffer last = ByteBuffer.allocate(1);
            try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
                read.read(last, read.size() - 1);
            }
            if (last.get(0) != '\n') log.write(ByteBuffer.wrap(new byte[] {'\n'}));
        }
        this.loaded = exists ? CompletableFuture.runAsync(this::load, ResponseCache::startDaemon) : CompletableFuture.completedFuture(null);
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

    /**
     * Closes every cache this process opened, at the end of a run: a build tool that loads the
     * engine once per module must not keep one file handle per module. The next {@link #open}
     * reads the log again.
     */
    public static void closeAll() {
        for (Path dir : java.util.List.copyOf(OPEN.keySet())) {
            ResponseCache cache = OPEN.remove(dir);
            if (cache == null) continue;
            cache.loaded.join();
            synchronized (cache.log) {
                try {
                    cache.log.close();
                } catch (IOException e) {
                    // nothing is lost: every entry was written when it was put
                }
            }
        }
    }

    /** A new instance over the directory's log, outside the per-process registry: as another process sees it. */
    static ResponseCache reopen(Path directory) throws IOException {
        Files.createDirectories(directory);
        return new ResponseCache(directory.toAbsolutePath().normalize().resolve(FILE));
    }

    public Optional<ChatResponse> get(String key) {
        loaded.join();
        return Optional.ofNullable(entries.get(key));
    }

    public void put(String key, ChatResponse response) {
        loaded.join();
        if (entries.putIfAbsent(key, response) != null) return;
        Usage usage = response.usage();
        String prompt = usage.cachedPromptTokens() == 0 && usage.cacheWriteTokens() == 0 ? String.valueOf(usage.promptTokens())
                : usage.promptTokens() + "/" + usage.cachedPromptTokens() + "/" + usage.cacheWriteTokens();
        String line = key + '\t' + prompt + '\t' + usage.completionTokens() + '\t' + escape(response.text()) + END;
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        try {
            synchronized (log) {
                while (bytes.hasRemaining()) log.write(bytes);
            }
        } catch (IOException e) {
            // A cache that cannot be written only costs a future call; the run goes on.
            entries.remove(key);
        }
    }

    /**
     * Adds every whole entry of the log in {@code otherDirectory} that this cache lacks (the cache
     * of another machine's shard, so that a rerun here makes no call), skipping torn lines.
     *
     * @return how many entries were added
     */
    public int putAll(Path otherDirectory) throws IOException {
        Path other = otherDirectory.resolve(FILE);
        if (!Files.isRegularFile(other)) return 0;
        int added = 0;
        try (BufferedReader in = Files.newBufferedReader(other, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                Map.Entry<String, ChatResponse> entry = parse(line);
                if (entry != null && get(entry.getKey()).isEmpty()) {
                    put(entry.getKey(), entry.getValue());
                    added++;
                }
            }
        }
        return added;
    }

    /** The keys held, for tests and diagnostics. */
    Set<String> keys() {
        loaded.join();
        return entries.keySet();
    }

    public int size() {
        loaded.join();
        return entries.size();
    }

    public Path file() {
        return file;
    }

    private void load() {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                Map.Entry<String, ChatResponse> entry = parse(line);
                if (entry != null) entries.putIfAbsent(entry.getKey(), entry.getValue());
            }
        } catch (IOException e) {
            // An unreadable cache is an empty one: every call goes to the network.
        }
    }

    /** An entry, or null for a line that is not one (a line torn by a crash). */
    static Map.Entry<String, ChatResponse> parse(String line) {
        int a = line.indexOf('\t'), b = line.indexOf('\t', a + 1), c = line.indexOf('\t', b + 1);
        int end = line.length() - "\tend".length();
        // The text runs from c + 1 to the end marker; a line whose marker is its third tab has none.
        if (a != 64 || b < 0 || c < 0 || c >= end || !line.endsWith("\tend")) return null;
        try {
            String text = unescape(line, c + 1, end);
            if (text == null) return null;
            Usage usage = usage(line.substring(a + 1, b), Long.parseLong(line, b + 1, c, 10));
            return Map.entry(line.substring(0, a), new ChatResponse(text, usage));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Usage usage(String prompt, long completion) {
        String[] counts = prompt.split("/", -1);
        if (counts.length == 1) return new Usage(Long.parseLong(prompt), completion);
        if (counts.length != 3) throw new NumberFormatException("not prompt/cached/written: " + prompt);
        return new Usage(Long.parseLong(counts[0]), completion, Long.parseLong(counts[1]), Long.parseLong(counts[2]));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /**
     * The text in {@code line} from {@code start} to {@code end}, or null when it holds a raw tab
     * or a broken escape (a glued torn line).
     */
    static String unescape(String line, int start, int end) {
        // Reading the log is most of a cached rerun: copy the runs between escapes whole.
        int tab = line.indexOf('\t', start);
        if (tab >= 0 && tab < end) return null;
        int escape = line.indexOf('\\', start);
        if (escape < 0 || escape >= end) return line.substring(start, end);
        StringBuilder out = new StringBuilder(end - start);
        int from = start;
        for (; escape >= 0 && escape < end; escape = line.indexOf('\\', from)) {
            out.append(line, from, escape);
            if (escape + 1 == end) return null;
            switch (line.charAt(escape + 1)) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                default -> {
                    return null;
                }
            }
            from = escape + 2;
        }
        return out.append(line, from, end).toString();
    }

    private static void startDaemon(Runnable task) {
        Thread thread = new Thread(task, "interfeedback-cache-load");
        thread.setDaemon(true);
        thread.start();
    }
}
