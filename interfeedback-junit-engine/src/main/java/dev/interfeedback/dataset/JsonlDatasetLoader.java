package dev.interfeedback.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a dataset in the generic JSONL form: one sample per line,
 * {@code {"id", "question", "images", "options", "answer", "category", "metadata"}}.
 *
 * <p>Image paths are relative to the file's folder and may not leave it. Blank lines are skipped.
 * The file is read as UTF-8, a leading byte order mark is tolerated. It is streamed line by
 * line: memory holds where each sample's line is, the ids while loading, and one line.
 *
 * <p>Every problem is collected (up to {@value #MAX_PROBLEMS}) and thrown together as one
 * {@link DatasetException}, so a user fixes a file in one pass rather than one error per run.
 */
public final class JsonlDatasetLoader {

    /** Past this many problems the file is probably not in this format at all; stop reading. */
    public static final int MAX_PROBLEMS = 20;

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final ObjectMapper mapper = JsonMapper.builder()
            // A repeated key in a row is a typo or a merge accident; last-wins would hide it.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Two objects on one line means a lost newline, not one sample.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Keep numeric answers as written: 2.50 must not turn into 2.5.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** Loads {@code file}; the dataset is named after the file, without its extension. */
    public Dataset load(Path file) {
        return load(file, nameOf(file));
    }

    /**
     * Loads {@code file} under the given dataset name: reads and checks every line, and keeps where
     * each sample's line is; the samples are read again from the file when asked for
     * ({@link Dataset#inMemory()} reads them all once).
     */
    public Dataset load(Path file, String name) {
        Path source = file.toAbsolutePath().normalize();
        SampleRowReader rows = new SampleRowReader(file, new ImagePathResolver(source.getParent()));
        LineIndex index = new LineIndex();
        List<DatasetProblem> problems = new ArrayList<>();
        // Only ids are remembered across lines, so memory is the lines' places plus the ids.
        Map<String, Integer> lineOfId = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            String what = Files.exists(file) ? "not a regular file" : "file not found";
            throw new DatasetException(List.of(new DatasetProblem(file, 0, 0, null, "cannot read the dataset: " + what)));
        }
        int lineNumber = 0;
        boolean truncated = false;
        try (Utf8LineReader reader = new Utf8LineReader(Files.newInputStream(file))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (problems.size() >= MAX_PROBLEMS) {
                    truncated = true;
                    break;
                }
                lineNumber++;
                line = text(line, lineNumber);
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = parse(file, lineNumber, line, problems);
                if (row == null) {
                    continue;
                }
                Optional<Sample> sample = rows.read(row, lineNumber, problems);
                if (sample.isPresent()) {
                    Integer first = lineOfId.putIfAbsent(sample.get().id(), lineNumber);
                    if (first != null) {
                        problems.add(new DatasetProblem(file, lineNumber, 0, "id",
                                "duplicate id \"" + sample.get().id() + "\", first used on line " + first));
                    } else {
                        index.add(reader.lineStart(), reader.lineBytes(), lineNumber, reader.lineChecksum());
                    }
                }
            }
        } catch (CharacterCodingException e) {
            // The reader fails on the line it was decoding, the one after the last line counted.
            problems.add(new DatasetProblem(file, lineNumber + 1, 0, null, "expected UTF-8 text, found bytes that are not"));
            throw new DatasetException(problems, false, e);
        } catch (IOException e) {
            problems.add(new DatasetProblem(file, lineNumber + 1, 0, null, "cannot read: " + e));
            throw new DatasetException(problems, false, e);
        }
        if (!problems.isEmpty()) {
            throw new DatasetException(problems, truncated, null);
        }
        if (index.size == 0) {
            throw new DatasetException(List.of(new DatasetProblem(file, 0, 0, null,
                    "no samples: the file is empty or has only blank lines")));
        }
        return new Dataset(name, source, new JsonlSamples(source, mapper, rows, Arrays.copyOf(index.starts, index.size),
                Arrays.copyOf(index.lengths, index.size), Arrays.copyOf(index.lines, index.size),
                Arrays.copyOf(index.checksums, index.size)));
    }

    /** A line's text as a row: the first line without a leading byte order mark. */
    static String text(String line, int lineNumber) {
        return lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
    }

    /** Where the samples' lines are, growing as the file is read. */
    private static final class LineIndex {
        long[] starts = new long[1024];
        int[] lengths = new int[1024], lines = new int[1024], checksums = new int[1024];
        int size;

        void add(long start, int length, int line, int checksum) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                lengths = Arrays.copyOf(lengths, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
                checksums = Arrays.copyOf(checksums, size * 2);
            }
            starts[size] = start;
            lengths[size] = length;
            lines[size] = line;
            checksums[size++] = checksum;
        }
    }

    private JsonNode parse(Path file, int lineNumber, String line, List<DatasetProblem> problems) {
        try {
            return mapper.readTree(line);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int column = location == null ? 0 : Math.max(0, location.getColumnNr());
            problems.add(new DatasetProblem(file, lineNumber, column, null, "malformed JSON: " + e.getOriginalMessage()));
            return null;
        }
    }

    static String nameOf(Path file) {
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
