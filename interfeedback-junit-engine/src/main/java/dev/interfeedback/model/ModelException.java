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
}
