package dev.interfeedback.prompt;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.model.Content;
import dev.interfeedback.model.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The texts the receiver and the provider are given, from the named, versioned templates of
 * {@link PromptName} (built in, or replaced by a user's files). The answer-format instruction is
 * the one MMMU-Pro's chain-of-thought setting uses, since the scorer reads the last
 * {@code Answer:} line. Immutable and thread-safe.
 */
public final class Prompts {

    /**
     * Sample metadata key: the round-0 prompt exactly as a dataset's publisher builds it (MMMU-Pro's
     * inference code, MathVerse's {@code query_cot}), used instead of the generic text so that
     * round-0 accuracy is comparable with published numbers.
     */
    public static final String ROUND_ZERO_TEXT = "prompt.round0";

    /** Sample metadata key: {@code true} puts the round-0 text before the images, as MMMU-Pro's official code sends them. */
    public static final String TEXT_BEFORE_IMAGES = "prompt.textBeforeImages";

    /** Sample metadata key: the answer-format instruction repeated with feedback, in the publisher's words. */
    public static final String ANSWER_FORMAT = "prompt.answerFormat";

    private static final Prompts BUILT_IN = new Prompts(builtInTemplates());

    private final Map<PromptName, PromptTemplate> templates;

    private Prompts(Map<PromptName, PromptTemplate> templates) {
        this.templates = new EnumMap<>(templates);
    }

    /** The built-in templates. */
    public static Prompts builtIn() {
        return BUILT_IN;
    }

    /**
     * These prompts with one replaced by a file's text (UTF-8, without its last line break).
     *
     * @throws IllegalArgumentException naming the file, when it cannot be read or lacks a placeholder
     *     the prompt needs
     */
    public Prompts withFile(PromptName name, Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(name.settingKey() + ": prompt file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException(name.settingKey() + ": cannot read prompt file " + file + ": " + e.getMessage(), e);
        }
        Map<PromptName, PromptTemplate> replaced = new EnumMap<>(templates);
        try {
            replaced.put(name, new PromptTemplate(name, "file", file.toString(), withoutLastLineBreak(text)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name.settingKey() + ": " + e.getMessage(), e);
        }
        return new Prompts(replaced);
    }

    /** Every template, in the order of {@link PromptName}. */
    public Collection<PromptTemplate> templates() {
        return templates.values();
    }

    /**
     * The round-0 message: the images, then the question, its options and the format instruction;
     * or the publisher's own prompt when the sample carries one ({@link #ROUND_ZERO_TEXT}).
     */
    public Message question(Sample sample) {
        String text = sample.metadata().get(ROUND_ZERO_TEXT) instanceof String ready
                ? ready
                : questionText(sample) + "\n\n" + answerFormat(sample);
        List<Content> parts = new ArrayList<>();
        boolean textFirst = Boolean.TRUE.equals(sample.metadata().get(TEXT_BEFORE_IMAGES));
        if (textFirst) parts.add(Content.text(text));
        for (Path image : sample.images()) parts.add(Content.image(image));
        if (!textFirst) parts.add(Content.text(text));
        return Message.user(parts);
    }

    /** The question and its lettered options, without instructions. */
    public static String questionText(Sample sample) {
        StringBuilder text = new StringBuilder(sample.question());
        if (sample.isMultipleChoice()) {
            text.append("\n\nOptions:");
            List<String> letters = sample.optionLetters();
            for (int i = 0; i < letters.size(); i++) {
                text.append('\n').append(letters.get(i)).append(". ").append(sample.options().get(i));
            }
        }
        return text.toString();
    }

    public String answerFormat(Sample sample) {
        if (sample.metadata().get(ANSWER_FORMAT) instanceof String publisher) return publisher;
        return template(sample.isMultipleChoice() ? PromptName.ANSWER_FORMAT_MULTIPLE_CHOICE
                : PromptName.ANSWER_FORMAT_FREE_FORM).text();
    }

    /** Binary feedback: that the answer is wrong, and how to answer; no hint. */
    public String binaryFeedback(Sample sample) {
        return template(PromptName.BINARY_FEEDBACK).render(Map.of("answer_format", answerFormat(sample)));
    }

    /** How the receiver reads detailed feedback written by the provider. */
    public String detailedFeedback(Sample sample, String providerText) {
        return template(PromptName.DETAILED_FEEDBACK).render(Map.of("feedback", providerText.strip(),
                "answer_format", answerFormat(sample)));
    }

    /** The provider's system prompt when it writes feedback. */
    public String providerSystem() {
        return template(PromptName.PROVIDER_SYSTEM).text();
    }

    /** What the provider is asked, with the question, the ground truth and the student's attempts. */
    public String providerRequest(Sample sample, List<String> attempts) {
        StringBuilder listed = new StringBuilder();
        for (int i = 0; i < attempts.size(); i++) {
            listed.append("\n--- attempt ").append(i).append(" ---\n").append(attempts.get(i).strip());
        }
        return template(PromptName.PROVIDER_REQUEST).render(Map.of("question", questionText(sample),
                "answer", sample.answer(), "attempts", listed.toString()));
    }

    /** Sent to the provider when its feedback gave the answer away. */
    public String providerRetry() {
        return template(PromptName.PROVIDER_RETRY).text();
    }

    private PromptTemplate template(PromptName name) {
        return templates.get(name);
    }

    private static Map<PromptName, PromptTemplate> builtInTemplates() {
        Map<PromptName, PromptTemplate> templates = new EnumMap<>(PromptName.class);
        for (PromptName name : PromptName.values()) {
            try (InputStream in = Prompts.class.getResourceAsStream(name.resource())) {
                if (in == null) throw new IllegalStateException("missing resource " + name.resource() + " beside " + Prompts.class.getName());
                String text = withoutLastLineBreak(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                templates.put(name, new PromptTemplate(name, "v" + name.version(), PromptTemplate.BUILT_IN, text));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read resource " + name.resource(), e);
            }
        }
        return templates;
    }

    private static String withoutLastLineBreak(String text) {
        if (text.endsWith("\r\n")) return text.substring(0, text.length() - 2);
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
