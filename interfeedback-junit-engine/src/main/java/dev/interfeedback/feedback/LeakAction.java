package dev.interfeedback.feedback;

/** What the leak guard had to do to a provider's feedback. */
public enum LeakAction {
    /** The feedback did not reveal the answer. */
    NONE,
    /** The first feedback revealed the answer; the provider was asked again and the new one did not. */
    REGENERATED,
    /** Every attempt revealed the answer; the revealing parts were blanked out. */
    REDACTED
}
