package dev.interfeedback.dataset;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines one at a time, decoding each line on its own.
 *
 * <p>A {@link java.io.BufferedReader} decodes ahead in blocks, so invalid bytes surface on
 * whichever line happens to be read when the block is decoded; decoding per line lets the error
 * name the line that holds them. Lines end at {@code \n}; a {@code \r} before it is dropped.
 */
final class Utf8LineReader implements Closeable {

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    Utf8LineReader(InputStream in) {
        this.in = new BufferedInputStream(in, 64 * 1024);
    }

    /** The next line without its terminator, or null at the end of the input. */
    String readLine() throws IOException {
        line.reset();
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') {
                break;
            }
            line.write(b);
        }
        if (!any) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return decode(bytes, length);
    }

    private String decode(byte[] bytes, int length) throws CharacterCodingException {
        decoder.reset();
        return decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
