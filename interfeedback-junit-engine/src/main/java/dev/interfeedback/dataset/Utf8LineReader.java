package dev.interfeedback.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines one at a time, decoding each line on its own.
 *
 * <p>A {@link java.io.BufferedReader} decodes ahead in blocks, so invalid bytes surface on
 * whichever line happens to be read when the block is decoded; decoding per line lets the error
 * name the line that holds them. Lines end at {@code \n}; a {@code \r} before it is dropped.
 */
final class Utf8LineReader implements Closeable {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    // Bytes read but not yet returned are buffer[start, end); a line longer than the buffer grows it.
    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private boolean eof;

    Utf8LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end of the input. */
    String readLine() throws IOException {
        // How many pending bytes are known to hold no line end; fill() may move them to the front.
        int scanned = 0;
        while (true) {
            for (int i = start + scanned; i < end; i++) {
                if (buffer[i] == '\n') {
                    int from = start;
                    start = i + 1; // consumed even when it cannot be decoded
                    return decode(from, i);
                }
            }
            scanned = end - start;
            if (eof || !fill()) {
                eof = true;
                if (start == end) return null;
                int from = start;
                start = end;
                return decode(from, end);
            }
        }
    }

    /** Reads more bytes after the pending ones; false at the end of the input. */
    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) buffer = Arrays.copyOf(buffer, buffer.length * 2);
        int n = in.read(buffer, end, buffer.length - end);
        if (n <= 0) return false;
        end += n;
        return true;
    }

    private String decode(int from, int to) throws CharacterCodingException {
        int length = to > from && buffer[to - 1] == '\r' ? to - 1 - from : to - from;
        decoder.reset();
        return decoder.decode(ByteBuffer.wrap(buffer, from, length)).toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
