package dev.interfeedback.model.resilience;

import dev.interfeedback.model.ModelException;

/** A call that failed on every attempt; the cause is the last failure. */
public final class RetriesExhaustedException extends ModelException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    public RetriesExhaustedException(int attempts, ModelException last) {
        super("failed after " + attempts + " attempts: " + last.getMessage(), last);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }

    /** The last attempt's failure. */
    public ModelException last() {
        return (ModelException) getCause();
    }
}
