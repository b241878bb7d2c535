package dev.interfeedback.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One benchmark problem.
 *
 * @param id the dataset's own stable id (never a row number)
 * @param question the question text, as the receiver reads it
 * @param images images the question refers to, in the order they are shown to the model
 * @param options answer options of a multiple-choice question, in letter order (A, B, ...);
 *     empty for a free-form question
 * @param answer the ground truth: an option letter for multiple choice, else the expected value
 * @param category the category results are broken down by (subject, version, ...)
 * @param metadata free fields carried along from the dataset
 */
public record Sample(
        String id,
        String question,
        List<Path> images,
        List<String> options,
        String answer,
        String category,
        Map<String, Object> metadata) {

    private static final List<String> LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".chars()
            .mapToObj(c -> String.valueOf((char) c)).toList();

    public Sample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        images = List.copyOf(images);
        options = List.copyOf(options);
        category = category == null || category.isBlank() ? "uncategorized" : category;
        metadata = Map.copyOf(metadata);
    }

    public boolean isMultipleChoice() {
        return !options.isEmpty();
    }

    /** The letters of the options: A, B, C, ... */
    public List<String> optionLetters() {
        return optionLetters(options.size());
    }

    /** The first {@code count} letters, A to Z. */
    public static List<String> optionLetters(int count) {
        if (count < 0 || count > LETTERS.size()) {
            throw new IllegalArgumentException("options are lettered A to Z: expected at most 26, found " + count);
        }
        return LETTERS.subList(0, count);
    }
}
