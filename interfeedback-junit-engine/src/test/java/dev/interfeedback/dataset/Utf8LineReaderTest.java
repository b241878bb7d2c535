package dev.interfeedback.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8LineReaderTest {

    @Test
    void linesEndAtNewlinesWithOrWithoutCarriageReturns() throws IOException {
        assertThat(lines("one\ntwo\r\n\nthree", 64 * 1024)).containsExactly("one", "two", "", "three");
        assertThat(lines("one\n", 64 * 1024)).containsExactly("one");
        assertThat(lines("", 64 * 1024)).isEmpty();
    }

    @Test
    void linesAndCharactersSplitAcrossReadsComeOutWhole() throws IOException {
        String text = "caf\u00e9 \u2713\r\n" + "x".repeat(200_000) + "\nlast \u00e9";
        // One or two bytes per read: every line end and every multi-byte character falls between reads.
        assertThat(lines(text, 2)).containsExactly("caf\u00e9 \u2713", "x".repeat(200_000), "last \u00e9");
    }

    @Test
    void invalidBytesFailTheLineThatHoldsThem() throws IOException {
        byte[] bytes = "good\nbad \u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        try (Utf8LineReader reader = new Utf8LineReader(new ByteArrayInputStream(bytes))) {
            assertThat(reader.readLine()).isEqualTo("good");
            assertThatThrownBy(reader::readLine).isInstanceOf(CharacterCodingException.class);
        }
    }

    private static List<String> lines(String text, int bytesPerRead) throws IOException {
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, bytesPerRead));
            }
        };
        List<String> lines = new ArrayList<>();
        try (Utf8LineReader reader = new Utf8LineReader(in)) {
            for (String line; (line = reader.readLine()) != null; ) lines.add(line);
        }
        return lines;
    }
}
