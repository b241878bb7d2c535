package dev.interfeedback.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The samples of a JSONL dataset, read from its file when asked for: what is held is where each
 * sample's line is (20 bytes a sample), not the sample. A run of a million samples then holds
 * only the samples it is working on, and the dataset costs no more heap than its index.
 *
 * <p>Every line was read and checked when the dataset was loaded ({@link JsonlDatasetLoader});
 * {@link #get} reads the line again and checks it against the checksum taken then, so a file
 * changed during the run is an error naming its line, never another sample under the old id. The
 * list is immutable and safe to read from many threads at once.
 */
final class JsonlSamples extends AbstractList<Sample> implements RandomAccess {

    private final Path file;
    private final ObjectMapper json;
    private final SampleRowReader rows;
    private final long[] starts;
    private final int[] lengths;
    private final int[] lines;
    private final int[] checksums;

    JsonlSamples(Path file, ObjectMapper json, SampleRowReader rows, long[] starts, int[] lengths, int[] lines,
            int[] checksums) {
        this.file = file;
        this.json = json;
        this.rows = rows;
        this.starts = starts;
        this.lengths = lengths;
        this.lines = lines;
        this.checksums = checksums;
    }

    @Override
    public int size() {
        return starts.length;
    }

    /** The line of the file that holds the sample at {@code index}. */
    int line(int index) {
        return lines[Objects.checkIndex(index, lines.length)];
    }

    /**
     * @throws DatasetException when the line cannot be read again, or is not what it was when the
     *     dataset was loaded
     */
    @Override
    public Sample get(int index) {
        Objects.checkIndex(index, starts.length);
        int line = lines[index];
        byte[] bytes = new byte[lengths[index]];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining() && channel.read(buffer, starts[index] + buffer.position()) >= 0) {
                // read on: a positional read may return fewer bytes than asked
            }
            if (buffer.hasRemaining() || Utf8LineReader.checksum(bytes, 0, bytes.length) != checksums[index]) {
                throw changed(line, null);
            }
            JsonNode row = json.readTree(JsonlDatasetLoader.text(Utf8LineReader.decode(
                    Utf8LineReader.strictDecoder(), bytes, 0, bytes.length), line));
            List<DatasetProblem> problems = new ArrayList<>();
            Optional<Sample> sample = rows.read(row, line, problems);
            if (sample.isEmpty()) throw new DatasetException(problems);
            return sample.get();
        } catch (IOException e) {
            throw changed(line, e);
        }
    }

    private DatasetException changed(int line, IOException e) {
        return new DatasetException(new DatasetProblem(file, line, 0, null, (e == null
                ? "the line is not what it was when the dataset was loaded: the file changed during the run"
                : "cannot read the line again: " + e) + "; run again on a dataset that stays as it is"), e);
    }

    /** Names the file rather than reading every sample, as {@link AbstractList#toString()} would. */
    @Override
    public String toString() {
        return size() + " samples read on demand from " + file;
    }

    /** The samples at {@code positions} of this list, in that order, read from the file as these are. */
    JsonlSamples select(int[] positions) {
        long[] s = new long[positions.length];
        int[] l = new int[positions.length], n = new int[positions.length], c = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            int p = Objects.checkIndex(positions[i], starts.length);
            s[i] = starts[p];
            l[i] = lengths[p];
            n[i] = lines[p];
            c[i] = checksums[p];
        }
        return new JsonlSamples(file, json, rows, s, l, n, c);
    }
}
