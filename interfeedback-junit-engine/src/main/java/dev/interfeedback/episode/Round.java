package dev.interfeedback.episode;

import dev.interfeedback.feedback.LeakAction;

/**
 * One answer of the receiver.
 *
 * @param round 0 for the first answer, k for the answer after the k-th feedback
 * @param answer the receiver's raw response
 * @param extracted the answer the verifier read from it, or null when it could read none
 * @param correct the verifier's verdict
 * @param feedback the feedback that preceded this answer, as the receiver read it (null at round 0)
 * @param leakGuard what the leak guard did to that feedback
 */
public record Round(int round, String answer, String extracted, boolean correct, String feedback, LeakAction leakGuard) {

    public Round {
        leakGuard = leakGuard == null ? LeakAction.NONE : leakGuard;
    }
}
