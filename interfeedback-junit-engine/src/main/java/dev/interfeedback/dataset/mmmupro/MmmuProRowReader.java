package dev.interfeedback.dataset.mmmupro;

import dev.interfeedback.dataset.InvalidValueException;
import dev.interfeedback.dataset.RowProblems;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.prompt.Prompts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one MMMU-Pro row and builds its {@link Sample}, reporting every wrong field of the row.
 *
 * <p>Images: a question names its images with {@code <image i>} tokens (in the question or in an
 * option), and {@code <image i>} is column {@code image_i}. The images go to the model in the
 * order their tokens first appear; filled image columns that no token names follow in column
 * order, so no image of a row is dropped.
 */
final class MmmuProRowReader {

    static final int IMAGE_COLUMNS = 7;
    /** What the feedback provider is told the question is, in the vision config: the screenshot holds it. */
    static final String VISION_QUESTION = "The question is shown in the image.";

    private static final Pattern IMAGE_TOKEN = Pattern.compile("<image (\\d+)>");

    /** A loaded sample, or a good row left out by a setting (with the reason), or neither for a bad row. */
    record Outcome(Sample sample, String excluded, String warning) {
        static final Outcome BAD = new Outcome(null, null, null);
    }

    private final MmmuProConfig config;
    private final MmmuProOptions options;
    private final ImageFiles images;

    MmmuProRowReader(MmmuProConfig config, MmmuProOptions options, ImageFiles images) {
        this.config = config;
        this.options = options;
        this.images = images;
    }

    Outcome read(RawRow row, RowProblems problems) {
        Fields fields = new Fields(row, problems);
        String id = fields.text("id", true);
        fields.id = id;
        String answer = fields.text("answer", true);
        List<String> optionList = fields.options();
        String question = config.isVision() ? VISION_QUESTION : fields.text("question", false);
        if (answer != null && optionList != null) {
            fields.check("answer", () -> requireLetter(answer, optionList.size()));
        }
        List<Path> imagePaths = null;
        if (id != null && question != null && optionList != null) {
            imagePaths = config.isVision() ? fields.visionImage() : fields.standardImages(question, optionList);
        }
        Map<String, Object> metadata = new HashMap<>();
        String subject = fields.optionalText("subject");
        fields.putIfPresent(metadata, "subject", subject);
        fields.putIfPresent(metadata, "topic_difficulty", fields.optionalText("topic_difficulty"));
        fields.putIfPresent(metadata, "img_type", fields.imageTypes());
        if (fields.bad) {
            return Outcome.BAD;
        }
        if (imagePaths.size() > 1 && options.multiImage() != MultiImagePolicy.ALL) {
            if (options.multiImage() == MultiImagePolicy.SKIP) {
                return new Outcome(null, id + ": " + imagePaths.size() + " images (image policy \"skip\")", null);
            }
            imagePaths = List.of(imagePaths.get(0));
        }
        String prompt = config.isVision()
                ? MmmuProPrompts.vision(options.mode())
                : MmmuProPrompts.standard(question, optionList, options.mode());
        metadata.put("source", "MMMU-Pro " + config.publishedName());
        metadata.put("config", config.publishedName());
        metadata.put(Prompts.ROUND_ZERO_TEXT, prompt);
        metadata.put(Prompts.TEXT_BEFORE_IMAGES, Boolean.TRUE);
        metadata.put(Prompts.ANSWER_FORMAT, MmmuProPrompts.instruction(options.mode(), config.isVision()));
        return new Outcome(new Sample(id, question, imagePaths, optionList, answer, subject, metadata), null, fields.warning);
    }

    private static void requireLetter(String answer, int optionCount) throws InvalidValueException {
        char last = (char) ('A' + optionCount - 1);
        String a = answer.strip();
        if (a.length() != 1 || a.charAt(0) < 'A' || a.charAt(0) > last) {
            throw new InvalidValueException("expected an option letter A-" + last + " (the row has " + optionCount
                    + " options), found \"" + answer + "\"");
        }
    }

    @FunctionalInterface
    private interface Check {
        void run() throws InvalidValueException;
    }

    /** Reads the fields of one row, turning each failure into a problem at that field. */
    private final class Fields {
        private final RawRow row;
        private final RowProblems problems;
        String id;
        boolean bad;
        /** A row read, but not as published: said once per load. */
        String warning;

        Fields(RawRow row, RowProblems problems) {
            this.row = row;
            this.problems = problems;
        }

        void problem(String field, String message) {
            bad = true;
            problems.add(row.file(), row.number(), id, field, message);
        }

        void check(String field, Check check) {
            try {
                check.run();
            } catch (InvalidValueException e) {
                problem(field, e.getMessage());
            }
        }

        String text(String column, boolean nonBlank) {
            if (!row.has(column)) {
                problem(column, "required column is missing");
                return null;
            }
            Object value = row.get(column);
            if (!(value instanceof String text)) {
                problem(column, value == null ? "expected text, found null" : "expected text, found a list");
                return null;
            }
            if (nonBlank && text.isBlank()) {
                problem(column, "expected non-blank text, found \"" + text + "\"");
                return null;
            }
            return text;
        }

        String optionalText(String column) {
            return row.get(column) instanceof String text && !text.isBlank() ? text : null;
        }

        void putIfPresent(Map<String, Object> metadata, String key, Object value) {
            if (value != null) {
                metadata.put(key, value);
            }
        }

        /** The published column is a string holding a Python list; a parquet list column is taken as is. */
        List<String> options() {
            if (!row.has("options")) {
                problem("options", "required column is missing");
                return null;
            }
            Object value = row.get("options");
            List<String> list;
            try {
                if (value instanceof String literal) {
                    PythonLiteral.Options read = PythonLiteral.parseOptions(literal);
                    list = read.items();
                    if (read.nested()) {
                        warning = row.file().getFileName() + " row " + row.number() + " (id \"" + id + "\"): field \"options\""
                                + " holds a nested list, read as the official evaluator reads it: " + list.size()
                                + " option" + (list.size() == 1 ? "" : "s") + ", " + list;
                    }
                } else if (value instanceof List<?> items) {
                    list = new ArrayList<>();
                    for (Object item : items) {
                        if (item == null) {
                            throw new InvalidValueException("expected option texts, found a null option");
                        }
                        list.add(item.toString());
                    }
                } else {
                    throw new InvalidValueException("expected a Python list of option texts, found null");
                }
            } catch (InvalidValueException e) {
                problem("options", e.getMessage());
                return null;
            }
            if (list.isEmpty() || list.size() > 26) {
                problem("options", "expected 1 to 26 options (letters A-Z), found " + list.size());
                return null;
            }
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).isBlank()) {
                    problem("options", "expected non-blank options, found a blank one at index " + i);
                    return null;
                }
            }
            return list;
        }

        List<String> imageTypes() {
            Object value = row.get("img_type");
            if (value instanceof List<?> items) {
                return items.stream().filter(java.util.Objects::nonNull).map(Object::toString).toList();
            }
            if (value instanceof String literal && !literal.isBlank()) {
                try {
                    return PythonLiteral.parseStringList(literal);
                } catch (InvalidValueException e) {
                    problem("img_type", e.getMessage());
                }
            }
            return null;
        }

        List<Path> visionImage() {
            if (!row.has("image")) {
                problem("image", "required column is missing");
                return null;
            }
            Path path = image("image", row.get("image"));
            if (path == null && !bad) {
                problem("image", "the vision config needs a screenshot, found none");
            }
            return path == null ? null : List.of(path);
        }

        List<Path> standardImages(String question, List<String> optionList) {
            Set<Integer> order = new LinkedHashSet<>();
            List<String> texts = new ArrayList<>();
            texts.add(question);
            texts.addAll(optionList);
            for (String text : texts) {
                Matcher token = IMAGE_TOKEN.matcher(text);
                while (token.find()) {
                    int index = Integer.parseInt(token.group(1));
                    if (index < 1 || index > IMAGE_COLUMNS) {
                        problem("question", "refers to <image " + index + ">, but there are only the columns image_1 to image_"
                                + IMAGE_COLUMNS);
                        continue;
                    }
                    order.add(index);
                }
            }
            for (int index = 1; index <= IMAGE_COLUMNS; index++) {
                if (cellOf("image_" + index) != null) {
                    order.add(index); // filled but never named: kept, after the named ones
                }
            }
            List<Path> paths = new ArrayList<>();
            for (int index : order) {
                String column = "image_" + index;
                if (!row.has(column)) {
                    problem(column, "the question refers to <image " + index + ">, but the file has no column " + column);
                    continue;
                }
                Object cell = row.get(column);
                if (cell == null) {
                    problem(column, "the question refers to <image " + index + ">, but " + column + " is empty");
                    continue;
                }
                Path path = image(column, cell);
                if (path != null) {
                    paths.add(path);
                }
            }
            if (paths.isEmpty() && !bad) {
                problem("image_1", "the row has no image; every MMMU-Pro question has at least one");
            }
            return paths;
        }

        private ImageCell cellOf(String column) {
            Object value = row.get(column);
            if (value instanceof ImageCell cell) {
                return cell.isEmpty() ? null : cell;
            }
            return value instanceof String path && !path.isBlank() ? new ImageCell(null, path) : null;
        }

        private Path image(String column, Object value) {
            ImageCell cell = value instanceof String path ? new ImageCell(null, path)
                    : value instanceof ImageCell c ? c : null;
            if (cell == null || cell.isEmpty()) {
                return null;
            }
            try {
                return images.materialize(id, column, cell);
            } catch (InvalidValueException e) {
                problem(column, e.getMessage());
                return null;
            }
        }
    }
}
