package dev.interfeedback.junit;

import dev.interfeedback.config.Settings;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.Round;
import dev.interfeedback.report.ShownText;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Turns an episode into JUnit's verdict, as DESIGN.md's public contract says. */
final class Verdicts {

    /** Long enough for any option or number; a free-form answer longer than this is in the transcript. */
    private static final int TEXT_CHARS = 40;

    private Verdicts() {}

    /**
     * Returns for a passed sample; throws an {@link AssertionFailedError} for one not corrected
     * (expected: the ground truth, actual: the last answer, so IDEs show a diff) and a
     * {@link TestAbortedException} for one without a verdict. Neither carries a stack trace: it
     * would only show the engine's own frames under every failed sample in every report, where
     * the sample's place is its source (the dataset's file and line).
     */
    static void report(Episode episode, Sample sample, Settings settings) {
        switch (episode.status()) {
            case CORRECT_AT_ROUND_0, CORRECTED -> { }
            case NOT_CORRECTED -> {
                Round last = episode.rounds().get(episode.rounds().size() - 1);
                throw withoutStackTrace(new AssertionFailedError("not corrected within " + (episode.rounds().size() - 1)
                        + " feedback rounds; the receiver (" + settings.receiverAlias() + ") answered "
                        + answers(episode) + "; ground truth: " + shown(sample.answer()),
                        sample.answer(), shown(last)));
            }
            case ERROR -> throw withoutStackTrace(new TestAbortedException(
                    "no verdict, a model call failed: " + ShownText.lines(String.valueOf(episode.error()))));
            case EXCLUDED -> throw new IllegalStateException(
                    "sample " + sample.id() + " is outside the test set and should have been skipped");
        }
    }

    private static <T extends Throwable> T withoutStackTrace(T verdict) {
        verdict.setStackTrace(new StackTraceElement[0]);
        return verdict;
    }

    static String answers(Episode episode) {
        return episode.rounds().stream()
                .map(round -> "round " + round.round() + ": " + shown(round))
                .collect(Collectors.joining(", "));
    }

    /** A round's answer as a person reads it: what was extracted, or what the receiver said instead. */
    static String shown(Round round) {
        if (round.answer() == null || round.answer().isBlank()) return "(empty answer)";
        if (round.extracted() == null) return "(no answer found in \"" + ShownText.line(round.answer(), TEXT_CHARS) + "\")";
        return shown(round.extracted());
    }

    /** An extracted answer as a person reads it, or that none could be read. */
    static String shown(String extracted) {
        return extracted == null ? "(no answer found)" : ShownText.line(extracted, TEXT_CHARS);
    }
}
