package dev.interfeedback.model;

/**
 * The request got no HTTP answer: the connection was refused or dropped, or a timeout struck.
 * Such failures are transient by nature, so they may be retried.
 */
public class ModelTransportException extends ModelException {

    private static final long serialVersionUID = 1L;

    private final boolean timeout;

    public ModelTransportException(String message, boolean timeout, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
    }

    /** True when a timeout ended the call, false for a refused or broken connection. */
    public boolean timeout() {
        return timeout;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
