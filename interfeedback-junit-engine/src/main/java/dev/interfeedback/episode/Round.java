package dev.interfeedback.episode;

import dev.interfeedback.feedback.Authorship;
import dev.interfeedback.feedback.LeakAction;
import dev.interfeedback.scoring.Verdict;

/**
 * One answer of the receiver.
 *
 * @param round 0 for the first answer, k for the answer after the k-th feedback
 * @param answer the receiver's raw response (a refusal's text for a refusal)
 * @param finishReason why the answer ended when not as answers do ({@code length}: cut at the
 *     token limit; {@code refusal}), or null (see {@link dev.interfeedback.model.ChatResponse#finishReason()})
 * @param verdict the verifier's reading: the extracted answer, whether it is right, the rule
 *     that decided and whether the rules are certain
 * @param feedback the feedback that preceded this answer, as the receiver read it (null at round 0)
 * @param leakGuard what the leak guard did to that feedback
 * @param authorship who wrote that feedback, when, and how long it took, where a person wrote it; else null
 */
public record Round(int round, String answer, String finishReason, Verdict verdict, String feedback, LeakAction leakGuard,
        Authorship authorship) {

    public Round {
        leakGuard = leakGuard == null ? LeakAction.NONE : leakGuard;
    }

    public Round(int round, String answer, String finishReason, Verdict verdict, String feedback, LeakAction leakGuard) {
        this(round, answer, finishReason, verdict, feedback, leakGuard, null);
    }

    /** This round without its texts: the answer, the feedback and who wrote it (see {@link Episode#outcome()}). */
    public Round outcome() {
        return new Round(round, null, finishReason, verdict, null, leakGuard, null);
    }

    /** The answer the verifier read, or null when it could read none. */
    public String extracted() {
        return verdict.extracted();
    }

    public boolean correct() {
        return verdict.correct();
    }

    /** Whether the answer was cut at the token limit. */
    public boolean truncated() {
        return "length".equals(finishReason);
    }
}
