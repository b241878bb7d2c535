package dev.interfeedback.episode;

import dev.interfeedback.model.Usage;
import java.util.List;
import java.util.Objects;

/**
 * The transcript and outcome of one sample.
 *
 * @param sampleId the dataset's id
 * @param category the sample's category
 * @param status how it ended
 * @param correctedAtRound the round of the first correct answer after feedback, or null
 * @param rounds every answer of the receiver, in order
 * @param error why it has no verdict, for {@link EpisodeStatus#ERROR}; else null
 * @param receiverUsage the receiver's tokens in this episode
 * @param providerUsage the provider's tokens in this episode (its round-0 answer and its feedback)
 * @param maintenance the answer-maintenance control, for a sample right at round 0 when the run
 *     asked for it; else null. Its tokens are in {@code receiverUsage}.
 */
public record Episode(
        String sampleId,
        String category,
        EpisodeStatus status,
        Integer correctedAtRound,
        List<Round> rounds,
        String error,
        Usage receiverUsage,
        Usage providerUsage,
        Maintenance maintenance) {

    /** An episode without the answer-maintenance control. */
    public Episode(String sampleId, String category, EpisodeStatus status, Integer correctedAtRound, List<Round> rounds,
            String error, Usage receiverUsage, Usage providerUsage) {
        this(sampleId, category, status, correctedAtRound, rounds, error, receiverUsage, providerUsage, null);
    }

    public Episode {
        Objects.requireNonNull(sampleId, "sampleId");
        Objects.requireNonNull(status, "status");
        rounds = List.copyOf(rounds);
        receiverUsage = receiverUsage == null ? Usage.NONE : receiverUsage;
        providerUsage = providerUsage == null ? Usage.NONE : providerUsage;
    }

    /**
     * The episode without its texts (the receiver's answers, the feedback and who wrote it): what
     * the figures are computed from (status, verdicts, finish reasons, tokens, the error), for a
     * run that keeps every sample's outcome once the transcript has gone to disk.
     */
    public Episode outcome() {
        return new Episode(sampleId, category, status, correctedAtRound, rounds.stream().map(Round::outcome).toList(), error,
                receiverUsage, providerUsage, maintenance == null ? null : maintenance.outcome());
    }

    /** Passed, in JUnit's terms: right at round 0 or corrected. */
    public boolean passed() {
        return status == EpisodeStatus.CORRECT_AT_ROUND_0 || status == EpisodeStatus.CORRECTED;
    }
}
