package dev.interfeedback.model.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCacheTest {

    private static final String KEY = "a".repeat(64);

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        ResponseCache.closeAll();
    }

    @Test
    void oneInstancePerFolderUntilClosedThenTheLogIsReadAgain() throws Exception {
        ResponseCache cache = ResponseCache.open(dir);
        assertThat(ResponseCache.open(dir)).isSameAs(cache);
        cache.put(KEY, new ChatResponse("Answer: B\twith a tab\nand a line", new Usage(7, 3)));

        ResponseCache.closeAll();
        ResponseCache reopened = ResponseCache.open(dir);

        assertThat(reopened).isNotSameAs(cache);
        assertThat(reopened.get(KEY)).contains(new ChatResponse("Answer: B\twith a tab\nand a line", new Usage(7, 3)));
    }

    @Test
    void thePromptCacheCountsSurviveTheLogAndOldLinesReadWithout() throws Exception {
        String old = "c".repeat(64);
        Files.writeString(dir.resolve(ResponseCache.FILE), old + "\t9\t2\tAnswer: A\tend\n");
        ResponseCache cache = ResponseCache.open(dir);
        cache.put(KEY, new ChatResponse("Answer: B", new Usage(2006, 300, 1920, 40)));
        ResponseCache.closeAll();

        ResponseCache reopened = ResponseCache.open(dir);

        assertThat(reopened.get(KEY)).contains(new ChatResponse("Answer: B", new Usage(2006, 300, 1920, 40)));
        assertThat(reopened.get(old)).contains(new ChatResponse("Answer: A", new Usage(9, 2)));
        assertThat(Files.readString(dir.resolve(ResponseCache.FILE))).contains("\t2006/1920/40\t300\t");
    }

    @Test
    void aTornLastLineIsSkippedAndDoesNotSwallowTheNextEntry() throws Exception {
        Files.writeString(dir.resolve(ResponseCache.FILE), KEY + "\t1\t1\tcut sho");
        ResponseCache cache = ResponseCache.open(dir);
        assertThat(cache.size()).isZero();

        String other = "b".repeat(64);
        cache.put(other, new ChatResponse("Answer: C", Usage.NONE));
        ResponseCache.closeAll();

        assertThat(ResponseCache.open(dir).get(other)).contains(new ChatResponse("Answer: C", Usage.NONE));
    }

    @Test
    void anAnswerPutIsReadBackFromTheLogOnceAndWrittenOnce() throws Exception {
        ResponseCache cache = ResponseCache.open(dir);
        String longText = "caf\u00e9 \u2713 \uD83D\uDE00 line\n".repeat(200); // past the first read, multi-byte across reads
        cache.put(KEY, new ChatResponse(longText, new Usage(5, 6)));
        cache.put("b".repeat(64), new ChatResponse("short", new Usage(1, 1)));
        long written = Files.size(dir.resolve(ResponseCache.FILE));

        cache.put(KEY, new ChatResponse("another answer", new Usage(1, 1)));

        assertThat(cache.get(KEY)).contains(new ChatResponse(longText, new Usage(5, 6)));
        assertThat(cache.get("b".repeat(64))).contains(new ChatResponse("short", new Usage(1, 1)));
        assertThat(cache.get("c".repeat(64))).isEmpty();
        assertThat(Files.size(dir.resolve(ResponseCache.FILE))).isEqualTo(written);
        assertThat(cache.keys()).containsExactlyInAnyOrder(KEY, "b".repeat(64));
    }

    @Test
    void everyTextSurvivesTheLogExactly() {
        for (String text : new String[] {"", "plain", "\\", "ends with a backslash \\", "\\n is not a newline",
                "tab\there", "line\r\nbreaks\n", "\\\\\\t", "caf\u00e9 \u2713"}) {
            String line = "a".repeat(64) + "\t3\t4\t" + ResponseCache.escape(text) + "\tend";
            assertThat(ResponseCache.parse(line)).as(text)
                    .isEqualTo(java.util.Map.entry("a".repeat(64), new ChatResponse(text, new Usage(3, 4))));
        }
    }

    @Test
    void anEscapeCutByTheEndMarkerOrAMissingTextIsNotAnEntry() {
        assertThat(ResponseCache.parse("a".repeat(64) + "\t1\t2\ttext\\\tend")).isNull();
        assertThat(ResponseCache.parse("a".repeat(64) + "\t1\t2\tend")).isNull();
        assertThat(ResponseCache.parse("a".repeat(64) + "\t1\t2\t\tend")).isEqualTo(
                java.util.Map.entry("a".repeat(64), new ChatResponse("", new Usage(1, 2))));
    }
}
