package dev.interfeedback.junit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A benchmark's transcripts, one after the other in one text file, in the order its samples
 * finish: a file per sample cost an open, a close and a 4 KB block each (40 MB on disk for 10,000
 * samples of 0.8 KB), for text that is rarely read. Each sample is told where its transcript
 * starts, so a person still reaches it from the sample's test.
 */
final class TranscriptFile implements AutoCloseable {

    /** Where a transcript starts: the file, and the line (counted from 1) of its first line. */
    record Location(Path file, long line) {

        /** As compilers name a line, which terminals and IDEs open at the line. */
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    private final Path file;
    private Writer out;
    private long lines;

    TranscriptFile(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * Appends a transcript and a blank line after it, flushed, so that the file holds it before
     * JUnit hears the sample's verdict.
     *
     * @param transcript text whose only line break is {@code \n} (see {@link Transcript})
     */
    synchronized Location append(String transcript) throws IOException {
        if (out == null) {
            Files.createDirectories(file.getParent());
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }
        Location start = new Location(file, lines + 1);
        String text = transcript.endsWith("\n") ? transcript : transcript + "\n";
        out.write(text);
        out.write('\n');
        out.flush();
        lines += text.chars().filter(c -> c == '\n').count() + 1;
        return start;
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) out.close();
    }
}
