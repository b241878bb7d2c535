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
import java.util.zip.CRC32C;

/**
 * Reads UTF-8 lines one at a time, decoding each line on its own.
 *
 * <p>A {@link java.io.BufferedReader} decodes ahead in blocks, so invalid bytes surface on
 * whichever line happens to be read when the block is decoded; decoding per line lets the error
 * name the line that holds them. Lines end at {@code \n}; a {@code \r} before it is dropped.
 * Each line's place in the file is kept, so that it can be read again alone ({@link #lineStart()}).
 */
final class Utf8LineReader implements Closeable {

    private final InputStream in;
    private final CharsetDecoder decoder = strictDecoder();
    // Bytes read but not yet returned are buffer[start, end); a line longer than the buffer grows it.
    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private boolean eof;
    /** Bytes of the input before {@code buffer[0]}. */
    private long dropped;
    private long lineStart;
    private int lineBytes;

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
            dropped += start;
            start = 0;
        }
        if (end == buffer.length) buffer = Arrays.copyOf(buffer, buffer.length * 2);
        int n = in.read(buffer, end, buffer.length - end);
        if (n <= 0) return false;
        end += n;
        return true;
    }

    private String decode(int from, int to) throws CharacterCodingException {
        lineStart = dropped + from;
        lineBytes = to - from;
        return decode(decoder, buffer, from, to - from);
    }

    /** The line in {@code bytes[from, from + length)}, without the {@code \r} of a CRLF ending. */
    static String decode(CharsetDecoder decoder, byte[] bytes, int from, int length) throws CharacterCodingException {
        int kept = length > 0 && bytes[from + length - 1] == '\r' ? length - 1 : length;
        decoder.reset();
        return decoder.decode(ByteBuffer.wrap(bytes, from, kept)).toString();
    }

    static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Where the last line read starts: its first byte's offset in the input. */
    long lineStart() {
        return lineStart;
    }

    /** The last line's length in bytes, without its {@code \n}. */
    int lineBytes() {
        return lineBytes;
    }

    /** A CRC-32C of the last line's bytes, without its {@code \n}. */
    int lineChecksum() {
        return checksum(buffer, (int) (lineStart - dropped), lineBytes);
    }

    static int checksum(byte[] bytes, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        return (int) crc.getValue();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
