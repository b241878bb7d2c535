package dev.interfeedback.testing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A request body as the scripted server reads it: each image's data URL ({@code "url":"data:...}
 * as the client writes it) loses its payload, so the JSON parser never walks the 850 KB of base64
 * of a real-size image. Skipped by Jackson a byte at a time, that was most of the server's CPU and
 * made it the bottleneck of the image runs; here the closing quote is found eight bytes at a time.
 */
final class WithoutImagePayloads extends InputStream {

    private static final byte[] DATA_URL = "\"url\":\"data:".getBytes(StandardCharsets.US_ASCII);
    private static final int[] FALLBACK = fallback(DATA_URL);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long QUOTES = 0x2222222222222222L;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private int matched; // bytes of DATA_URL just passed on
    private boolean inPayload;

    WithoutImagePayloads(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] to, int offset, int length) throws IOException {
        if (length == 0) return 0;
        int written = 0;
        while (written == 0) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            if (inPayload) {
                int quote = indexOfQuote(buffer, position, limit);
                if (quote < 0) {
                    position = limit;
                    continue;
                }
                position = quote;
                inPayload = false;
            }
            while (position < limit && written < length) {
                byte b = buffer[position++];
                to[offset + written++] = b;
                matched = next(matched, b);
                if (matched == DATA_URL.length) {
                    matched = 0;
                    inPayload = true;
                    break;
                }
            }
        }
        return written;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** How much of DATA_URL is matched after {@code b}, given {@code matched} before it (KMP). */
    private static int next(int matched, byte b) {
        while (matched > 0 && DATA_URL[matched] != b) matched = FALLBACK[matched - 1];
        return DATA_URL[matched] == b ? matched + 1 : 0;
    }

    private static int[] fallback(byte[] pattern) {
        int[] fallback = new int[pattern.length];
        for (int i = 1, k = 0; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) k = fallback[k - 1];
            if (pattern[i] == pattern[k]) k++;
            fallback[i] = k;
        }
        return fallback;
    }

    /** The first {@code "} in {@code bytes[from, to)}, eight bytes at a time, or -1. */
    static int indexOfQuote(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ QUOTES; // a quote becomes a zero byte
            if (((x - ONES) & ~x & HIGHS) != 0) break;
        }
        for (; i < to; i++) if (bytes[i] == '"') return i;
        return -1;
    }
}
