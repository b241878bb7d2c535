package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptFileTest {

    @TempDir
    Path dir;

    @Test
    void eachTranscriptStartsAtTheLineItWasToldEvenWhenSamplesFinishTogether() throws Exception {
        TranscriptFile file = new TranscriptFile(dir.resolve("transcripts/b.txt"));
        List<Future<TranscriptFile.Location>> appended = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 200; i++) {
                // transcripts of different lengths, one without its last line break
                String text = "sample: s" + i + "\n" + "round\n".repeat(i % 5) + (i % 7 == 0 ? "end" : "end\n");
                appended.add(threads.submit(() -> file.append(text)));
            }
            for (Future<TranscriptFile.Location> at : appended) {
                assertThat(at.get().file()).isEqualTo(dir.resolve("transcripts/b.txt"));
                assertThat(at.get().toString()).isEqualTo(at.get().file() + ":" + at.get().line());
            }
            // flushed as appended: the file holds every transcript before it is closed
            List<String> lines = Files.readAllLines(dir.resolve("transcripts/b.txt"));
            for (int i = 0; i < appended.size(); i++) {
                TranscriptFile.Location at = appended.get(i).get();
                assertThat(lines.get((int) at.line() - 1)).isEqualTo("sample: s" + i);
                assertThat(lines.get((int) at.line() + i % 5)).isEqualTo("end");
                assertThat(lines.get((int) at.line() + i % 5 + 1)).as("a blank line after each").isEmpty();
            }
            assertThat(lines).filteredOn(line -> line.startsWith("sample: ")).hasSize(200);
        } finally {
            threads.shutdownNow();
            file.close();
        }
    }

    @Test
    void noTranscriptNoFile() throws Exception {
        new TranscriptFile(dir.resolve("transcripts/b.txt")).close();

        assertThat(dir.resolve("transcripts")).doesNotExist();
    }
}
