package dev.interfeedback.junit;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Round;
import dev.interfeedback.prompt.Prompts;
import dev.interfeedback.report.ShownText;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * A sample's rounds as its report entry: a line per round that a person reads in a test tree (the
 * answer, its verdict, the gist of the feedback before it); the texts as written are in the
 * transcript, whose place the entry names.
 */
final class RoundEntries {

    /** Enough to tell feedback apart from round to round; the transcript has it whole. */
    private static final int FEEDBACK_CHARS = 80;
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private RoundEntries() {}

    /** The sample's rounds, a key each ({@code round 0}, ...), then {@code transcript}: where its transcript starts. */
    static ReportEntry of(Sample sample, List<Round> rounds, TranscriptFile.Location transcript) {
        Map<String, String> entry = new LinkedHashMap<>();
        for (Round round : rounds) entry.put("round " + round.round(), summary(sample, round));
        entry.put("transcript", transcript.toString());
        return ReportEntry.from(entry);
    }

    static String summary(Sample sample, Round round) {
        String answer = "answered " + Verdicts.shown(round) + (round.correct() ? " (right)" : " (wrong)");
        if (round.feedback() == null) return answer;
        return answer + " after \"" + ShownText.line(gist(sample, round.feedback()), FEEDBACK_CHARS) + "\"";
    }

    /**
     * The feedback without the frame the receiver reads it in (the answer-format instruction
     * after it and, for feedback a provider wrote, the line that introduces it), so that the
     * tree shows what differs from round to round.
     */
    static String gist(Sample sample, String feedback) {
        String text = feedback.strip();
        String format = Prompts.builtIn().answerFormat(sample);
        if (text.endsWith(format)) text = text.substring(0, text.length() - format.length()).strip();
        List<String> lines = Arrays.stream(LINE_BREAK.split(text)).filter(line -> !line.isBlank()).toList();
        return lines.size() > 1 ? String.join(" ", lines.subList(1, lines.size())) : text;
    }
}
