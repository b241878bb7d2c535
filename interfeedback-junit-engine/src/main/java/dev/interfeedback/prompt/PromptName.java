package dev.interfeedback.prompt;

import java.util.List;
import java.util.Locale;

/**
 * The prompts of the protocol, each a named, versioned template. They are reconstructions: the
 * paper's own prompts are not public. The built-in text of each is the resource
 * {@code <name>.v<version>.txt} beside this class; a user replaces it with
 * {@code interfeedback.prompts.<name>=path}.
 */
public enum PromptName {
    /** The answer-format instruction of a multiple-choice question (MMMU-Pro's chain-of-thought wording). */
    ANSWER_FORMAT_MULTIPLE_CHOICE(1),
    /** The answer-format instruction of a free-form question. */
    ANSWER_FORMAT_FREE_FORM(1),
    /** What the receiver reads after a wrong answer under binary feedback. */
    BINARY_FEEDBACK(1, "answer_format"),
    /** How the receiver reads the provider's feedback under detailed feedback. */
    DETAILED_FEEDBACK(1, "feedback", "answer_format"),
    /** The provider's system prompt when it writes feedback. */
    PROVIDER_SYSTEM(1),
    /** What the provider is asked: the question, the ground truth and the receiver's attempts. */
    PROVIDER_REQUEST(1, "question", "answer", "attempts"),
    /** What the provider is told when its feedback gave the answer away. */
    PROVIDER_RETRY(1);

    private final int version;
    private final List<String> placeholders;

    PromptName(int version, String... placeholders) {
        this.version = version;
        this.placeholders = List.of(placeholders);
    }

    /** {@code binary-feedback}, as settings and results name it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public int version() {
        return version;
    }

    /** The placeholders ({@code {{name}}}) the template must hold, and the only ones it may. */
    public List<String> placeholders() {
        return placeholders;
    }

    /** The setting that replaces the built-in text with a file's. */
    public String settingKey() {
        return "interfeedback.prompts." + id();
    }

    String resource() {
        return id() + ".v" + version + ".txt";
    }
}
