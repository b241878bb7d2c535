package dev.interfeedback.junit;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.Round;
import dev.interfeedback.prompt.Prompts;
import dev.interfeedback.report.ShownText;

/**
 * A sample's episode as a person reads it: the question, every feedback and answer, the outcome.
 * Texts are {@linkplain ShownText shown}: a transcript is read in terminals and editors, and an
 * unpaired surrogate in an answer would make the file unwritable as UTF-8.
 */
final class Transcript {

    private Transcript() {}

    static String of(String benchmark, Sample sample, Episode episode) {
        StringBuilder text = new StringBuilder()
                .append("benchmark: ").append(benchmark).append('\n')
                .append("sample: ").append(sample.id()).append(" [").append(sample.category()).append("]\n")
                .append("status: ").append(episode.status());
        if (episode.correctedAtRound() != null) text.append(" at round ").append(episode.correctedAtRound());
        text.append("\nground truth: ").append(sample.answer()).append("\n\nquestion:\n")
                .append(Prompts.questionText(sample)).append('\n');
        for (Round round : episode.rounds()) {
            text.append("\n=== round ").append(round.round()).append(" ===\n");
            if (round.feedback() != null) {
                text.append("feedback (leak guard: ").append(round.leakGuard()).append("):\n")
                        .append(round.feedback().strip()).append("\n\n");
            }
            text.append("answer:\n").append(round.answer() == null ? "" : round.answer().strip()).append('\n')
                    .append("extracted: ").append(Verdicts.shown(round))
                    .append(round.correct() ? " (right)" : " (wrong)").append('\n');
        }
        if (episode.error() != null) text.append("\nerror: ").append(episode.error()).append('\n');
        return ShownText.lines(text.toString());
    }
}
