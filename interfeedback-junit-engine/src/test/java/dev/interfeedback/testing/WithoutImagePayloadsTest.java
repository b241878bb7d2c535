package dev.interfeedback.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WithoutImagePayloadsTest {

    @Test
    void eachDataUrlLosesItsPayloadAndEverythingElseIsKept() throws IOException {
        String body = "{\"model\":\"weak\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a \\\"url\\\":\\\"data: in text\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64," + "QUJD".repeat(50_000) + "\"}},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AAAA\"}}]}],\"url\":\"url\":\"data:x\"}";

        // Read through the filter in odd-sized pieces so that the pattern and the payloads straddle reads.
        String read = readInPieces(new WithoutImagePayloads(new Chunked(body.getBytes(StandardCharsets.UTF_8), 7)), 5);

        assertThat(read).isEqualTo("{\"model\":\"weak\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a \\\"url\\\":\\\"data: in text\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:\"}},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:\"}}]}],\"url\":\"url\":\"data:\"}");
    }

    @Test
    void theQuoteIsFoundWhereverItIsInAWordOfEightBytes() {
        for (int at = 0; at < 40; at++) {
            byte[] bytes = "A".repeat(40).getBytes(StandardCharsets.US_ASCII);
            bytes[at] = '"';
            assertThat(WithoutImagePayloads.indexOfQuote(bytes, 0, bytes.length)).isEqualTo(at);
            assertThat(WithoutImagePayloads.indexOfQuote(bytes, at + 1, bytes.length)).isEqualTo(-1);
        }
    }

    private static String readInPieces(InputStream in, int piece) throws IOException {
        StringBuilder out = new StringBuilder();
        byte[] buffer = new byte[piece];
        for (int n; (n = in.read(buffer, 0, piece)) >= 0; ) out.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        return out.toString();
    }

    /** A stream that hands out at most {@code chunk} bytes a read, as a socket may. */
    private static final class Chunked extends ByteArrayInputStream {
        private final int chunk;

        Chunked(byte[] bytes, int chunk) {
            super(bytes);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
