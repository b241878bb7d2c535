package dev.interfeedback.episode;

/** How an episode ended. The names are part of the public output contract. */
public enum EpisodeStatus {
    /** The receiver was right at round 0. */
    CORRECT_AT_ROUND_0,
    /** Wrong at round 0, in the test set, and right within the allowed rounds. */
    CORRECTED,
    /** Wrong at round 0, in the test set, and still wrong after the last round. */
    NOT_CORRECTED,
    /** Wrong at round 0 but outside the test set: the provider cannot solve it either. */
    EXCLUDED,
    /** A model call failed after its retries: no verdict. */
    ERROR
}
