package dev.interfeedback.model.resilience;

import dev.interfeedback.model.ModelException;

/** A call that failed on every attempt; the cause is the last failure. */
public final class RetriesExhaustedException extends ModelException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    /**
     * @param rateLimited requests answered with an announced rate limit, which were waited out and
     *     are not attempts; named so that the requests in the message add up to those sent
     */
    public RetriesExhaustedException(int attempts, int rateLimited, ModelException last) {
        super("failed after " + attempts + " attempts"
                + (rateLimited == 0 ? "" : " and " + rateLimited + " rate-limited requests") + ": " + last.getMessage(), last);
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
