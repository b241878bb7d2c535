package dev.interfeedback.model.http;

import dev.interfeedback.model.Content;
import dev.interfeedback.model.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import okio.Buffer;
import okio.BufferedSink;

/**
 * The images of one run, each read, digested and base64-encoded once: every round of an episode
 * sends the sample's images again, to the receiver and to the provider, and a real-size image costs
 * more to encode than the rest of the call.
 *
 * <p>What it keeps per image is its path, digest and first bytes; the base64 text is kept, in an
 * okio buffer whose segments every request body shares, for the images sent most recently within
 * a budget of bytes, so that peak heap does
 * not grow with the number of samples. An image whose base64 is no longer held is streamed from its
 * file again, in chunks, when a request body is written.
 *
 * <p>One instance serves one run (the models a {@code ModelFactory} builds share it), so an image
 * edited between runs is read again by the next run; an image edited while a run is going keeps its
 * first digest, and a request that would send other bytes than those digested fails.
 */
public final class ImageStore {

    /** Enough to hold the base64 of a few hundred real-size images in flight. */
    public static final long DEFAULT_BUDGET_BYTES = 64L << 20;

    private static final MessageDigest SHA_256 = newSha256();
    private static final int HEADER = 16;
    private static final int CHUNK = 3 * 16 * 1024;
    /** From this size on, base64 is held as okio segments that request bodies share (at most 1/8 of it unused). */
    private static final int SHARED = 64 * 1024;

    private final long budget;
    private final ConcurrentMap<Path, FutureTask<Stored>> known = new ConcurrentHashMap<>();
    private final LinkedHashMap<String, Object> encoded = new LinkedHashMap<>(16, 0.75f, true);
    private final AtomicLong reads = new AtomicLong();
    private long encodedBytes;

    public ImageStore() {
        this(DEFAULT_BUDGET_BYTES);
    }

    /** @param budget the most bytes of base64 text held at once */
    public ImageStore(long budget) {
        if (budget < 0) throw new IllegalArgumentException("budget must not be negative, was " + budget);
        this.budget = budget;
    }

    /** An image as read once in this run: its digest, size and first bytes. */
    public record Stored(Path path, String digest, long size, byte[] header) {
        /** The length of its base64 text, padding included. */
        public long base64Length() {
            return 4 * ((size + 2) / 3);
        }
    }

    /** The SHA-256 of the image's bytes, in hex, read and digested once per run. */
    public String digest(Path image) throws IOException {
        return stored(image).digest();
    }

    /**
     * The image, with its media type checked against its bytes.
     *
     * @throws ModelException naming the file, when it cannot be read or holds no image of its type
     */
    public Stored image(Content.Image image) throws ModelException {
        Stored stored;
        try {
            stored = stored(image.path());
        } catch (IOException e) {
            throw new ModelException("cannot read image " + image.path() + ": " + e, e);
        }
        try {
            image.mediaType(stored.header());
        } catch (IllegalArgumentException e) {
            throw new ModelException(e.getMessage(), e);
        }
        return stored;
    }

    /** The media type of an image {@link #image} returned. */
    public static String mediaType(Content.Image image, Stored stored) {
        return image.mediaType(stored.header());
    }

    /** How many times an image file was read in full so far: once per image while its base64 is held. */
    public long reads() {
        return reads.get();
    }

    /**
     * Writes the image's base64 text to {@code sink}: when held, as segments shared with the held
     * copy (okio copies no bytes and allocates no buffers for them, which for a real-size image sent
     * thousands of times is most of the cost of a call), else streamed from its file.
     */
    void writeBase64(Stored image, BufferedSink sink) throws IOException {
        Object held = held(image.digest());
        if (held == null && image.base64Length() <= budget) {
            held = hold(image.digest(), base64(readChecked(image)));
        }
        if (held instanceof Buffer segments) {
            segments.copyTo(sink.getBuffer(), 0, segments.size());
            sink.emitCompleteSegments();
            return;
        }
        if (held instanceof byte[] bytes) {
            sink.write(bytes);
            return;
        }
        // Too large to hold: encoded chunk by chunk as it goes out, never whole on the heap.
        MessageDigest sha = sha256();
        reads.incrementAndGet();
        try (InputStream in = Files.newInputStream(image.path())) {
            byte[] chunk = new byte[CHUNK];
            Base64.Encoder encoder = Base64.getEncoder();
            long total = 0;
            int n;
            while ((n = in.readNBytes(chunk, 0, CHUNK)) > 0) {
                sha.update(chunk, 0, n);
                total += n;
                sink.write(n == CHUNK ? encoder.encode(chunk) : encoder.encode(Arrays.copyOf(chunk, n)));
            }
            if (total != image.size() || !HexFormat.of().formatHex(sha.digest()).equals(image.digest())) {
                throw changed(image);
            }
        }
    }

    /**
     * The base64 of {@code bytes}: a large one in an okio buffer that is never read from, only
     * shared by {@link #writeBase64}; a small one as an array, copied per call, since a buffer's
     * segments are 8 KiB each and thousands of small images would hold 8 KiB apiece.
     */
    private static Object base64(byte[] bytes) {
        byte[] base64 = Base64.getEncoder().encode(bytes);
        return base64.length < SHARED ? base64 : new Buffer().write(base64);
    }

    private Stored stored(Path path) throws IOException {
        FutureTask<Stored> known = this.known.get(path);
        if (known == null) {
            // The calls in flight at the start of a run all ask for the first images at once: one reads.
            FutureTask<Stored> mine = new FutureTask<>(() -> readFirst(path));
            known = this.known.putIfAbsent(path, mine);
            if (known == null) {
                known = mine;
                mine.run();
            }
        }
        try {
            return known.get();
        } catch (ExecutionException e) {
            this.known.remove(path, known); // a later call tries again, as one that came first would
            if (e.getCause() instanceof IOException io) throw io;
            throw new IllegalStateException("reading image " + path + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while image " + path + " was read");
        }
    }

    private Stored readFirst(Path path) throws IOException {
        byte[] bytes = read(path);
        Stored stored = new Stored(path, HexFormat.of().formatHex(sha256().digest(bytes)), bytes.length,
                Arrays.copyOf(bytes, Math.min(HEADER, bytes.length)));
        if (stored.base64Length() <= budget) hold(stored.digest(), base64(bytes));
        return stored;
    }

    private byte[] readChecked(Stored image) throws IOException {
        byte[] bytes = read(image.path());
        if (!HexFormat.of().formatHex(sha256().digest(bytes)).equals(image.digest())) throw changed(image);
        return bytes;
    }

    private byte[] read(Path path) throws IOException {
        reads.incrementAndGet();
        return Files.readAllBytes(path);
    }

    private static IOException changed(Stored image) {
        return new IOException("image " + image.path() + " changed while the run was going; it was digested as "
                + image.digest());
    }

    /** The held base64 of an image: a byte[] or an okio {@link Buffer}; null when not held. */
    private synchronized Object held(String digest) {
        return encoded.get(digest);
    }

    /** Holds the base64, evicting the least recently sent beyond the budget; returns what is held for the digest. */
    private synchronized Object hold(String digest, Object base64) {
        Object raced = encoded.putIfAbsent(digest, base64);
        if (raced != null) return raced;
        encodedBytes += size(base64);
        for (Iterator<Map.Entry<String, Object>> eldest = encoded.entrySet().iterator();
                encodedBytes > budget && eldest.hasNext(); ) {
            encodedBytes -= size(eldest.next().getValue());
            eldest.remove();
        }
        return base64;
    }

    private static long size(Object base64) {
        return base64 instanceof Buffer buffer ? buffer.size() : ((byte[]) base64).length;
    }

    /** A fresh SHA-256; cloning skips the provider lookup that getInstance does on every call. */
    public static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's SHA-256 cannot be cloned", e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
