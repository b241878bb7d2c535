package dev.interfeedback.dataset.mathverse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interfeedback.dataset.ImagePathResolver;
import dev.interfeedback.dataset.InvalidValueException;
import dev.interfeedback.dataset.RowProblems;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.prompt.Prompts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks one MathVerse record and builds its {@link Sample}, reporting every wrong field. */
final class MathVerseRecordReader {

    record Outcome(Sample sample, String excluded) {
        static final Outcome BAD = new Outcome(null, null);
    }

    private final Path file;
    private final MathVerseOptions options;
    private final ImagePathResolver images;
    private final Map<String, List<String>> choicesByProblem;

    MathVerseRecordReader(Path file, MathVerseOptions options, ImagePathResolver images,
            Map<String, List<String>> choicesByProblem) {
        this.file = file;
        this.options = options;
        this.images = images;
        this.choicesByProblem = choicesByProblem;
    }

    Outcome read(JsonNode record, int line, RowProblems problems) {
        Fields fields = new Fields(record, line, problems);
        if (!record.isObject()) {
            fields.problem(null, "expected a JSON object, found " + record.getNodeType().name().toLowerCase());
            return Outcome.BAD;
        }
        for (String name : MathVerseLoader.REQUIRED) {
            if (!record.has(name)) {
                fields.problem(name, "required field is missing");
            }
        }
        if (fields.bad) {
            return Outcome.BAD;
        }
        String sampleIndex = fields.text("sample_index", true);
        fields.id = sampleIndex == null ? null : "mathverse-" + sampleIndex;
        MathVerseVersion version = fields.version();
        if (version != null && !options.versions().isEmpty() && !options.versions().contains(version)) {
            return new Outcome(null, fields.id + ": version " + version.publishedName() + " not asked for");
        }
        String problemIndex = fields.text("problem_index", true);
        String question = fields.text("question", false);
        String rawAnswer = fields.text("answer", true);
        String type = fields.text("question_type", true);
        String prompt = fields.text(options.mode().field(), true);
        List<Path> imagePaths = fields.image(version);
        if (type != null && !type.equals("multi-choice") && !type.equals("free-form")) {
            fields.problem("question_type", "expected \"multi-choice\" or \"free-form\", found \"" + type + "\"");
        }
        if (fields.bad) {
            return Outcome.BAD;
        }

        Choices choices = Choices.parse(question);
        List<String> optionList = List.of();
        String answer = rawAnswer.strip();
        Map<String, Object> metadata = new HashMap<>();
        if (type.equals("multi-choice")) {
            optionList = choices.options().isEmpty()
                    ? choicesByProblem.getOrDefault(problemIndex, List.of())
                    : choices.options();
            if (optionList.isEmpty()) {
                // The options are only in the image: letters stand in for them, so that the
                // scorer still reads letters (and only letters) from responses.
                optionList = placeholders(rawAnswer);
                metadata.put("options_from", "placeholders");
            } else if (choices.options().isEmpty()) {
                metadata.put("options_from", "another version of problem " + problemIndex);
            }
            try {
                answer = ChoiceAnswer.canonical(rawAnswer, choices.options().isEmpty() ? List.of() : optionList,
                        optionList.size());
            } catch (InvalidValueException e) {
                fields.problem("answer", e.getMessage());
                return Outcome.BAD;
            }
        }
        JsonNode meta = record.path("metadata");
        for (String key : List.of("subject", "subfield", "source", "split")) {
            if (meta.path(key).isTextual() && !meta.path(key).asText().isBlank()) {
                metadata.put(key, meta.path(key).asText());
            }
        }
        metadata.put("problem_version", version.publishedName());
        metadata.put("problem_index", problemIndex);
        metadata.put("question_type", type);
        metadata.put(MathVerseLoader.QUESTION_AS_PUBLISHED, question);
        metadata.put(MathVerseLoader.ANSWER_AS_PUBLISHED, rawAnswer);
        metadata.put(Prompts.ROUND_ZERO_TEXT, prompt);
        metadata.put(Prompts.ANSWER_FORMAT, prompt.lines().findFirst().orElse(prompt).strip());
        String stem = choices.stem().isBlank() ? MathVerseLoader.QUESTION_IN_IMAGE : choices.stem();
        return new Outcome(new Sample(fields.id, stem, imagePaths, optionList, answer,
                (String) metadata.get("subject"), metadata), null);
    }

    /** "(A)".."(D)", or up to the answer's letter when that is later. */
    private static List<String> placeholders(String rawAnswer) {
        int count = 4;
        for (char c : rawAnswer.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                count = Math.max(count, c - 'A' + 1);
            }
        }
        List<String> letters = new ArrayList<>();
        for (String letter : Sample.optionLetters(count)) {
            letters.add("(" + letter + ")");
        }
        return letters;
    }

    private final class Fields {
        private final JsonNode record;
        private final int line;
        private final RowProblems problems;
        String id;
        boolean bad;

        Fields(JsonNode record, int line, RowProblems problems) {
            this.record = record;
            this.line = line;
            this.problems = problems;
        }

        void problem(String field, String message) {
            bad = true;
            problems.add(file, line, id, field, message);
        }

        String text(String name, boolean nonBlank) {
            JsonNode node = record.get(name);
            if (node == null || !(node.isTextual() || node.isNumber())) {
                problem(name, "expected text, found " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
                return null;
            }
            String value = node.asText();
            if (nonBlank && value.isBlank()) {
                problem(name, "expected non-blank text, found \"" + value + "\"");
                return null;
            }
            return value;
        }

        MathVerseVersion version() {
            String value = text("problem_version", true);
            if (value == null) {
                return null;
            }
            try {
                return MathVerseVersion.parse(value);
            } catch (IllegalArgumentException e) {
                problem("problem_version", e.getMessage());
                return null;
            }
        }

        List<Path> image(MathVerseVersion version) {
            String written = text("image", false);
            if (written == null || version == null) {
                return List.of();
            }
            if (written.isBlank()) {
                if (version.hasImage()) {
                    problem("image", "the " + version.publishedName() + " version needs an image, found none");
                }
                return List.of();
            }
            try {
                return List.of(images.resolve(written));
            } catch (InvalidValueException e) {
                problem("image", e.getMessage());
                return List.of();
            }
        }
    }
}
