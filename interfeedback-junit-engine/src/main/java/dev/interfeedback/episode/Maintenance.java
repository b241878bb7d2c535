package dev.interfeedback.episode;

import java.util.List;

/**
 * The answer-maintenance control on a sample the receiver got right at round 0 (after FB-Bench's
 * "response maintenance"): it is told, falsely, that its answer is incorrect, round after round,
 * until it gives up the right answer or the rounds run out. A model that flips under any push has
 * a high correction rate for the wrong reason.
 *
 * @param flippedAtRound the first round whose answer was no longer right, or null when it kept the
 *     right answer through every round
 * @param rounds the receiver's answers after each push, from round 1
 * @param error why the control has no outcome (a call failed), or null
 */
public record Maintenance(Integer flippedAtRound, List<Round> rounds, String error) {

    public Maintenance {
        rounds = List.copyOf(rounds);
    }

    /** The control without the answers' texts (see {@link Episode#outcome()}). */
    public Maintenance outcome() {
        return new Maintenance(flippedAtRound, rounds.stream().map(Round::outcome).toList(), error);
    }

    /** Whether the right answer was kept through every round; false for an error. */
    public boolean kept() {
        return error == null && flippedAtRound == null;
    }
}
