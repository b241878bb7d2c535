package dev.interfeedback.junit;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Round;
import dev.interfeedback.prompt.Prompts;
import java.util.Arrays;
import java.util.List;

/** Display names of rounds: short enough for a test tree, the full texts are in report entries. */
final class RoundNames {

    /** Console and IDE trees cut long names; the answer comes first, so it is never the part cut. */
    private static final int FEEDBACK_CHARS = 40;

    private RoundNames() {}

    static String of(Sample sample, Round round) {
        String answer = "answered " + Verdicts.shown(round.extracted()) + (round.correct() ? " (right)" : " (wrong)");
        if (round.feedback() == null) return "round 0: " + answer;
        return "round " + round.round() + ": " + answer + " after \"" + abbreviate(gist(sample, round.feedback())) + "\"";
    }

    /**
     * The feedback without the frame the receiver reads it in (the answer-format instruction
     * after it and, for feedback a provider wrote, the line that introduces it), so that the
     * tree shows what differs from round to round.
     */
    static String gist(Sample sample, String feedback) {
        String text = feedback.strip();
        String format = Prompts.answerFormat(sample);
        if (text.endsWith(format)) text = text.substring(0, text.length() - format.length()).strip();
        List<String> lines = Arrays.stream(text.split("\\R")).filter(line -> !line.isBlank()).toList();
        return lines.size() > 1 ? String.join(" ", lines.subList(1, lines.size())) : text;
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= FEEDBACK_CHARS ? line : line.substring(0, FEEDBACK_CHARS - 3) + "...";
    }
}
