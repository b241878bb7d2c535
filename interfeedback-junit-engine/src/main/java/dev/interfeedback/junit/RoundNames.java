package dev.interfeedback.junit;

import dev.interfeedback.episode.Round;

/** Display names of rounds: short enough for a test tree, the full texts are in report entries. */
final class RoundNames {

    private static final int FEEDBACK_CHARS = 60;

    private RoundNames() {}

    static String of(Round round) {
        String answer = "answered " + Verdicts.shown(round.extracted()) + (round.correct() ? " (right)" : " (wrong)");
        if (round.feedback() == null) return "round 0: " + answer;
        return "round " + round.round() + ": feedback \"" + abbreviate(round.feedback()) + "\" -> " + answer;
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= FEEDBACK_CHARS ? line : line.substring(0, FEEDBACK_CHARS - 3) + "...";
    }
}
