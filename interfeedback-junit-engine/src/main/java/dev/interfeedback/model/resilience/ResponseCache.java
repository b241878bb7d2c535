package dev.interfeedback.model.resilience;

import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.Usage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
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
 * Responses on disk, by request key: an append-only log, indexed in memory when opened.
 *
 * <p>Memory holds where each entry's line starts ({@link LineIndex}, 16 bytes an entry), not the
 * responses: a run of 40,000 samples makes 160,000 calls, and a response is read back (one
 * positional read) only when the same request is asked again, which a fresh run almost never does.
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
    /** A key is a SHA-256 in hex. */
    private static final int KEY_LENGTH = 64;
    private static final ConcurrentMap<Path, ResponseCache> OPEN = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel log;
    /** The same file, for reading lines back at the offsets the index holds. */
    private final FileChannel reader;
    private final LineIndex index = new LineIndex();
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
        this.reader = FileChannel.open(file, StandardOpenOption.READ);
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
                    cache.reader.close();
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
        Map.Entry<String, ChatResponse> entry = entryAt(index.get(LineIndex.hash(key)));
        return entry != null && entry.getKey().equals(key) ? Optional.of(entry.getValue()) : Optional.empty();
    }

    public void put(String key, ChatResponse response) {
        loaded.join();
        Usage usage = response.usage();
        String prompt = usage.cachedPromptTokens() == 0 && usage.cacheWriteTokens() == 0 ? String.valueOf(usage.promptTokens())
                : usage.promptTokens() + "/" + usage.cachedPromptTokens() + "/" + usage.cacheWriteTokens();
        String line = key + '\t' + prompt + '\t' + usage.completionTokens() + '\t' + escape(response.text()) + END;
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        long hash = LineIndex.hash(key);
        try {
            synchronized (log) {
                if (get(key).isPresent()) return;
                // Where this line lands, unless another process appends at the same moment: then
                // the line read back there has another key, and the entry is a miss until reopened.
                long offset = log.size();
                while (bytes.hasRemaining()) log.write(bytes);
                index.put(hash, offset);
            }
        } catch (IOException e) {
            // A cache that cannot be written only costs a future call; the run goes on.
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
        Set<String> keys = new java.util.HashSet<>();
        index.forEach(offset -> {
            Map.Entry<String, ChatResponse> entry = entryAt(offset);
            if (entry != null) keys.add(entry.getKey());
        });
        return keys;
    }

    public int size() {
        loaded.join();
        return index.size();
    }

    public Path file() {
        return file;
    }

    private void load() {
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            byte[] chunk = new byte[1 << 16];
            long start = 0, offset = 0;
            for (int read; (read = in.read(chunk)) != -1; ) {
                int from = 0;
                for (int i = 0; i < read; i++) {
                    if (chunk[i] != '\n') continue;
                    line.write(chunk, from, i - from);
                    index(line.toString(StandardCharsets.UTF_8), start);
                    line.reset();
                    from = i + 1;
                    start = offset + from;
                }
                line.write(chunk, from, read - from);
                offset += read;
            }
        } catch (IOException e) {
            // An unreadable cache is an empty one: every call goes to the network.
        }
    }

    /**
     * Indexes a whole line of the log read when opened, unless it is no entry (a line torn by a crash
     * lacks the end marker). Only its key is read: the answer is parsed when it is asked for, and a
     * line that then does not parse is a miss.
     */
    private void index(String line, long start) {
        if (line.length() <= KEY_LENGTH || line.charAt(KEY_LENGTH) != '\t' || !line.endsWith("\tend")) return;
        long hash = LineIndex.hash(line.substring(0, KEY_LENGTH));
        // The first line of a key wins, as it did when the log was read into a map.
        if (index.get(hash) < 0) index.put(hash, start);
    }

    /** The entry whose line starts at {@code offset}, or null for none (-1, a line that is not an entry, a read that fails). */
    private Map.Entry<String, ChatResponse> entryAt(long offset) {
        if (offset < 0) return null;
        try {
            ByteBuffer bytes = ByteBuffer.allocate(512);
            for (long at = offset; ; ) {
                int read = reader.read(bytes, at);
                if (read < 0) return null;
                at += read;
                for (int i = bytes.position() - read; i < bytes.position(); i++) {
                    if (bytes.get(i) == '\n') return parse(new String(bytes.array(), 0, i, StandardCharsets.UTF_8));
                }
                if (!bytes.hasRemaining()) bytes = ByteBuffer.allocate(bytes.capacity() * 2).put(bytes.flip());
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** An entry, or null for a line that is not one (a line torn by a crash). */
    static Map.Entry<String, ChatResponse> parse(String line) {
        int a = line.indexOf('\t'), b = line.indexOf('\t', a + 1), c = line.indexOf('\t', b + 1);
        int end = line.length() - "\tend".length();
        // The text runs from c + 1 to the end marker; a line whose marker is its third tab has none.
        if (a != KEY_LENGTH || b < 0 || c < 0 || c >= end || !line.endsWith("\tend")) return null;
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
