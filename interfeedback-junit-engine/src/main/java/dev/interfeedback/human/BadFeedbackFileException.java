package dev.interfeedback.human;

/** A recorded-feedback file that cannot be read: the message names file, line, field and what was expected. */
public final class BadFeedbackFileException extends IllegalArgumentException {

    public BadFeedbackFileException(String message) {
        super(message);
    }
}
