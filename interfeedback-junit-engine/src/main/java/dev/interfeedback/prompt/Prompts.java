package dev.interfeedback.prompt;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.model.Content;
import dev.interfeedback.model.Message;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts the receiver and the provider are given. The answer-format instruction is the one
 * MMMU-Pro's chain-of-thought setting uses, since the scorer reads the last {@code Answer:} line.
 */
public final class Prompts {

    private static final String MULTIPLE_CHOICE_FORMAT =
            "Answer the preceding multiple choice question. The last line of your response should be of the"
                    + " following format: 'Answer: $LETTER' (without quotes) where LETTER is one of the options."
                    + " Think step by step before answering.";

    private static final String FREE_FORM_FORMAT =
            "Answer the preceding question. The last line of your response should be of the following format:"
                    + " 'Answer: $ANSWER' (without quotes) where ANSWER is the final value or expression."
                    + " Think step by step before answering.";

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

    private Prompts() {}

    /**
     * The round-0 message: the images, then the question, its options and the format instruction;
     * or the publisher's own prompt when the sample carries one ({@link #ROUND_ZERO_TEXT}).
     */
    public static Message question(Sample sample) {
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

    public static String answerFormat(Sample sample) {
        if (sample.metadata().get(ANSWER_FORMAT) instanceof String publisher) return publisher;
        return sample.isMultipleChoice() ? MULTIPLE_CHOICE_FORMAT : FREE_FORM_FORMAT;
    }

    /** Binary feedback: that the answer is wrong, and how to answer; no hint. */
    public static String binaryFeedback(Sample sample) {
        return "Your previous answer is incorrect. Please reconsider and answer again.\n" + answerFormat(sample);
    }

    /** How the receiver reads detailed feedback written by the provider. */
    public static String detailedFeedback(Sample sample, String providerText) {
        return "Your previous answer is incorrect. Here is some feedback:\n" + providerText.strip() + "\n\n"
                + answerFormat(sample);
    }

    public static final String PROVIDER_SYSTEM =
            "You are a careful teacher. A student answered a question about an image incorrectly."
                    + " Your feedback must help the student find the mistake without giving the answer away.";

    /** What the provider is asked, with the question, the ground truth and the student's attempts. */
    public static String providerRequest(Sample sample, List<String> attempts) {
        StringBuilder text = new StringBuilder("Question:\n").append(questionText(sample))
                .append("\n\nCorrect answer (for you only, never reveal it): ").append(sample.answer())
                .append("\n\nThe student's answers so far, all incorrect:");
        for (int i = 0; i < attempts.size(); i++) {
            text.append("\n--- attempt ").append(i).append(" ---\n").append(attempts.get(i).strip());
        }
        text.append("\n\nWrite brief feedback (at most four sentences) that points out what is wrong in the"
                + " latest attempt and what to reconsider. Do not state the correct answer, its option letter,"
                + " its value or its option text, and do not say which option is right.");
        return text.toString();
    }

    /** Sent to the provider when its feedback gave the answer away. */
    public static final String PROVIDER_RETRY =
            "Your feedback revealed the answer. Rewrite it so that it helps without stating or implying the"
                    + " correct answer, its option letter, its value or its option text.";
}
