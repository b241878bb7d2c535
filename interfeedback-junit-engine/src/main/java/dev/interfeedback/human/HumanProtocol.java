package dev.interfeedback.human;

import dev.interfeedback.dataset.Sample;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a person is asked to give feedback, round by round. */
public enum HumanProtocol {

    /**
     * The paper's InterFeedback-Human: round 1 a hint, round 2 a fuller explanation, round 3 the
     * correct answer with an explanation, so that every sample is corrected by round 3.
     */
    INTERFEEDBACK_HUMAN("interfeedback-human"),
    /** Any text, up to the benchmark's rounds. */
    FREE("free");

    /** The rounds of the paper's protocol; it has no other length. */
    public static final int PAPER_ROUNDS = 3;

    private final String configName;

    HumanProtocol(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static HumanProtocol parse(String value) {
        for (HumanProtocol protocol : values()) {
            if (protocol.configName.equalsIgnoreCase(value.trim())) return protocol;
        }
        throw new IllegalArgumentException("unknown human protocol \"" + value + "\"; expected one of "
                + Arrays.stream(values()).map(HumanProtocol::configName).toList());
    }

    /** What the person is asked to write in this round, shown above the text box. */
    public String guidance(int round, int maxRounds) {
        String of = "Round " + round + " of " + maxRounds + ": ";
        if (this == FREE) return of + "write any feedback that helps the model find its mistake.";
        return of + switch (round) {
            case 1 -> "give a hint. Point at what is wrong in the answer, without stating the correct answer.";
            case 2 -> "explain more fully: the reasoning the problem needs, step by step, still without the final answer.";
            default -> "give the correct answer with an explanation. The ground truth (and the dataset's explanation,"
                    + " where it has one) is filled in below: edit it as you see fit.";
        };
    }

    /** The text the box starts with: the answer and the dataset's explanation at the paper's last round, else nothing. */
    public String prefill(Sample sample, int round) {
        if (this != INTERFEEDBACK_HUMAN || round < PAPER_ROUNDS) return "";
        StringBuilder text = new StringBuilder("The correct answer is ").append(shownAnswer(sample)).append('.');
        explanation(sample).ifPresentOrElse(e -> text.append(' ').append(e.strip()), () -> text.append(' '));
        return text.toString();
    }

    /** The ground truth as a person reads it: the letter with its option's text where it names one. */
    static String shownAnswer(Sample sample) {
        String answer = sample.answer().strip();
        if (sample.isMultipleChoice() && answer.length() == 1) {
            int index = Character.toUpperCase(answer.charAt(0)) - 'A';
            if (index >= 0 && index < sample.options().size()) {
                return "(" + answer.toUpperCase(Locale.ROOT) + ") " + sample.options().get(index).strip();
            }
        }
        return answer;
    }

    /** A dataset's own worked solution, where its rows carry one. */
    private static Optional<String> explanation(Sample sample) {
        for (String key : new String[] {"explanation", "solution", "rationale"}) {
            Object value = sample.metadata().get(key);
            if (value instanceof String text && !text.isBlank()) return Optional.of(text);
        }
        return Optional.empty();
    }
}
