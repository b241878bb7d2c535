package dev.interfeedback.dataset;

/**
 * A field's value is wrong; the message says what was expected. Checked, so every reader (the
 * JSONL one and the publisher-format ones in sub-packages) must attach the file, row and field
 * before the problem reaches a person, as a {@link DatasetProblem}.
 */
public final class InvalidValueException extends Exception {

    public InvalidValueException(String message) {
        super(message, null, false, false);
    }
}
