package dev.interfeedback.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSONL dataset's samples are read from its file when asked for, by the place of their line. */
class JsonlSamplesTest {

    @TempDir
    Path dir;

    private static String row(String id, String question) {
        return "{\"id\": \"" + id + "\", \"question\": \"" + question + "\", \"answer\": \"4\", \"category\": \"c\"}";
    }

    @Test
    void eachSampleIsReadBackFromItsLineWhateverTheBytesBeforeIt() throws IOException {
        // A byte order mark, blank lines, CRLF endings, multi-byte characters and a line longer than
        // the reader's 64 KiB buffer all move the byte offsets that the samples are found by.
        String longQuestion = "é".repeat(70_000);
        Path file = dir.resolve("data.jsonl");
        Files.writeString(file, "\uFEFF" + row("first", "ünïcødé 😀") + "\r\n"
                + "\n"
                + "   \r\n"
                + row("long", longQuestion) + "\n"
                + row("third", "after the long line") + "\r\n"
                + row("last", "no newline at the end"), StandardCharsets.UTF_8);

        Dataset dataset = new JsonlDatasetLoader().load(file);

        assertThat(dataset.samples()).extracting(Sample::id).containsExactly("first", "long", "third", "last");
        assertThat(dataset.samples()).extracting(Sample::question)
                .containsExactly("ünïcødé 😀", longQuestion, "after the long line", "no newline at the end");
        assertThat(IntStream.range(0, dataset.size()).map(i -> dataset.line(i).orElseThrow())).containsExactly(1, 4, 5, 6);
        assertThat(dataset.inMemory().samples()).isEqualTo(dataset.samples());
        assertThat(dataset.inMemory().line(0)).isEmpty();
    }

    @Test
    void aSelectionIsReadOnDemandTooWithTheLinesOfItsSamples() throws IOException {
        Path file = dir.resolve("data.jsonl");
        Files.writeString(file, String.join("\n", row("a", "1"), row("b", "2"), "", row("c", "3"), row("d", "4")) + "\n");
        Dataset dataset = new JsonlDatasetLoader().load(file);

        Dataset chosen = dataset.select(new int[] {3, 1});

        assertThat(chosen.samples()).extracting(Sample::id).containsExactly("d", "b");
        assertThat(chosen.line(0)).hasValue(5);
        assertThat(chosen.line(1)).hasValue(2);
        // Read on demand: a changed line is found by the selection as well.
        Files.writeString(file, String.join("\n", row("a", "1"), row("B", "2"), "", row("c", "3"), row("d", "4")) + "\n");
        assertThat(chosen.samples().get(0).id()).isEqualTo("d");
        assertThatThrownBy(() -> chosen.samples().get(1)).isInstanceOf(DatasetException.class);
    }

    @Test
    void aFileChangedDuringTheRunIsAnErrorNamingTheLineNeverAnotherSample() throws IOException {
        Path file = dir.resolve("data.jsonl");
        Files.writeString(file, row("a", "what is 2 + 2?") + "\n" + row("b", "what is 3 + 1?") + "\n");
        Dataset dataset = new JsonlDatasetLoader().load(file);

        // The same length, another question: only the checksum can tell.
        Files.writeString(file, row("a", "what is 2 + 2?") + "\n" + row("b", "what is 3 + 2?") + "\n");

        assertThat(dataset.samples().get(0).question()).isEqualTo("what is 2 + 2?");
        assertThatThrownBy(() -> dataset.samples().get(1))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(file.getFileName() + ":2")
                .hasMessageContaining("the file changed during the run");

        Files.writeString(file, row("a", "what is 2 + 2?") + "\n");
        assertThatThrownBy(() -> dataset.samples().get(1))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(file.getFileName() + ":2");

        Files.delete(file);
        // Shown in a message or a log, the dataset names its file rather than reading it.
        assertThat(dataset.toString()).contains("2 samples read on demand from " + file.toAbsolutePath().normalize());
        assertThatThrownBy(() -> dataset.samples().get(0))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("cannot read the line again");
    }

    @Test
    void manyThreadsReadTheSamplesAtOnceWithTheirImages() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        Files.write(images.resolve("x.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rows.add("{\"id\": \"s" + i + "\", \"question\": \"q" + i + "\", \"images\": [\"images/x.png\"],"
                    + " \"options\": [\"a\", \"b\"], \"answer\": \"B\", \"metadata\": {\"n\": " + i + "}}");
        }
        Path file = dir.resolve("data.jsonl");
        Files.write(file, rows);
        Dataset dataset = new JsonlDatasetLoader().load(file);
        List<Sample> expected = dataset.inMemory().samples();

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Sample>> read = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < dataset.size(); i++) {
                    int index = i;
                    read.add(pool.submit(() -> dataset.samples().get(index)));
                }
            }
            for (int i = 0; i < read.size(); i++) assertThat(read.get(i).get()).isEqualTo(expected.get(i % dataset.size()));
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.get(7).images()).containsExactly(images.resolve("x.png").toRealPath());
        assertThat(expected.get(7).metadata()).isEqualTo(Map.of("n", 7));
    }
}
