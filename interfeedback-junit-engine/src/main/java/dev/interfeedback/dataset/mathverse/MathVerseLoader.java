package dev.interfeedback.dataset.mathverse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.DatasetException;
import dev.interfeedback.dataset.DatasetLoad;
import dev.interfeedback.dataset.DatasetProblem;
import dev.interfeedback.dataset.ImagePathResolver;
import dev.interfeedback.dataset.RowProblems;
import dev.interfeedback.dataset.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads MathVerse as published: a JSON array of records ({@code testmini.json}, or
 * {@code testmini_text_only.json}, the Text Only version, which is a set of its own) and the image
 * folders its {@code image} paths point into ({@code images_version_1-4/...}, {@code _5}, {@code _6}).
 *
 * <p>The round-0 prompt is the record's {@code query_cot} or {@code query_wo}, as published. A
 * multiple-choice record's options are read from its question; a record whose question has none
 * (Vision Only puts them in the image) borrows them from another version of the same problem. Row
 * numbers in problems are the lines where records start.
 */
public final class MathVerseLoader {

    /** Sample metadata key: the question exactly as published, which the official judge is shown. */
    public static final String QUESTION_AS_PUBLISHED = "mathverse.question";
    /** Sample metadata key: the answer exactly as published, which the official judge compares with. */
    public static final String ANSWER_AS_PUBLISHED = "mathverse.answer";

    static final List<String> REQUIRED = List.of("sample_index", "problem_index", "problem_version", "question",
            "image", "answer", "question_type", "query_wo", "query_cot");
    /** What the feedback provider is told when the question is only in the image (Vision Only). */
    static final String QUESTION_IN_IMAGE = "The question is shown in the image.";

    private final MathVerseOptions options;
    private final ObjectMapper mapper = new ObjectMapper();

    public MathVerseLoader(MathVerseOptions options) {
        this.options = options;
    }

    public DatasetLoad load(Path file) {
        List<Located> records = read(file);
        Path root = options.imageRoot() != null ? options.imageRoot() : file.toAbsolutePath().normalize().getParent();
        MathVerseRecordReader reader = new MathVerseRecordReader(file, options, new ImagePathResolver(root),
                choicesByProblem(records));
        RowProblems problems = new RowProblems(options.badRows());
        List<Sample> samples = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Located record : records) {
            MathVerseRecordReader.Outcome outcome = reader.read(record.node(), record.line(), problems);
            if (outcome.excluded() != null) {
                excluded.add(outcome.excluded());
            } else if (outcome.sample() != null) {
                Integer first = firstLine.putIfAbsent(outcome.sample().id(), record.line());
                if (first != null) {
                    problems.add(file, record.line(), outcome.sample().id(), "sample_index",
                            "duplicate sample_index, first used on line " + first);
                } else {
                    samples.add(outcome.sample());
                }
            }
            if (problems.tooMany()) {
                break;
            }
        }
        List<DatasetProblem> skipped = problems.finish();
        if (samples.isEmpty()) {
            throw new DatasetException(List.of(new DatasetProblem(file, 0, 0, null,
                    "no samples: " + (records.isEmpty() ? "the file holds no records"
                            : "no record is of the versions asked for, or every record was skipped"))));
        }
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
        return new DatasetLoad(new Dataset("mathverse " + stem, file.toAbsolutePath().normalize(), samples), skipped, excluded, List.of());
    }

    record Located(JsonNode node, int line) {}

    private List<Located> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(List.of(new DatasetProblem(file, 0, 0, null, "cannot read the dataset: file not found")));
        }
        List<Located> records = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new DatasetException(List.of(new DatasetProblem(file, 1, 0, null,
                        "expected a JSON array of MathVerse records, as testmini.json is")));
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode node = mapper.readTree(parser);
                records.add(new Located(node, line));
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new DatasetException(new DatasetProblem(file, line, column, null, "malformed JSON: " + e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new DatasetException(new DatasetProblem(file, 0, 0, null, "cannot read: " + e), e);
        }
        return records;
    }

    /** Options by problem_index, from whichever version of a problem lists them in its question. */
    private static Map<String, List<String>> choicesByProblem(List<Located> records) {
        Map<String, List<String>> byProblem = new HashMap<>();
        for (Located record : records) {
            JsonNode node = record.node();
            if (node.path("question_type").asText().equals("multi-choice")) {
                List<String> options = Choices.parse(node.path("question").asText()).options();
                if (!options.isEmpty()) {
                    byProblem.putIfAbsent(node.path("problem_index").asText(), options);
                }
            }
        }
        return byProblem;
    }
}
