package dev.interfeedback.dataset.mmmupro;

import dev.interfeedback.dataset.Sample;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The round-0 prompts of MMMU-Pro's official inference code ({@code mmmu-pro/infer/infer_gpt.py}
 * and {@code prompts.yaml} of MMMU-Benchmark/MMMU): for the standard configs the question, its
 * options as {@code A. text} lines and the mode's instruction, with every {@code <image i>} token
 * then replaced by {@code <image>}; for the vision config the instruction alone, since the
 * question and options are in the screenshot. The official code sends this text before the images.
 */
public final class MmmuProPrompts {

    static final String COT_STANDARD = "Answer the preceding multiple choice question. The last line of your response"
            + " should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of options."
            + " Think step by step before answering.";
    static final String DIRECT_STANDARD = "Answer with the option letter from the given choices directly.";
    static final String COT_VISION = "Write out the multiple-choice question in the image and then solve it. The last"
            + " line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where"
            + " LETTER is one of options. Think step by step before answering.";
    static final String DIRECT_VISION = "Answer with the option letter from the given choices directly. The last line"
            + " of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER"
            + " is one of options.";

    private static final Pattern IMAGE_TOKEN = Pattern.compile("<image [1-7]>");

    private MmmuProPrompts() {}

    public static String instruction(MmmuProMode mode, boolean vision) {
        if (vision) {
            return mode == MmmuProMode.COT ? COT_VISION : DIRECT_VISION;
        }
        return mode == MmmuProMode.COT ? COT_STANDARD : DIRECT_STANDARD;
    }

    /** {@code construct_prompt} followed by {@code replace_images_tokens}, as in the official code. */
    public static String standard(String question, List<String> options, MmmuProMode mode) {
        StringBuilder text = new StringBuilder(question).append('\n');
        List<String> letters = Sample.optionLetters(options.size());
        for (int i = 0; i < options.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(letters.get(i)).append(". ").append(options.get(i));
        }
        text.append('\n').append(instruction(mode, false));
        // Only <image 1> .. <image 7> are replaced: the official loop stops at 7.
        return IMAGE_TOKEN.matcher(text).replaceAll("<image>");
    }

    public static String vision(MmmuProMode mode) {
        return instruction(mode, true);
    }
}
