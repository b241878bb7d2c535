package dev.interfeedback.model;

/** A call to a model that produced no answer. The sample it was for is an error, not a wrong answer. */
public class ModelException extends Exception {

    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the same request may succeed when sent again. False here: a request that cannot
     * even be built (an unreadable image) fails the same way every time.
     */
    public boolean retryable() {
        return false;
    }
}
