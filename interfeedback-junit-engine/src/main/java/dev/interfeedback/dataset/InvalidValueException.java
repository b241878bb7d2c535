package dev.interfeedback.dataset;

/**
 * A field's value is wrong; the message says what was expected. Checked and package-private so
 * the row reader must attach the file, line and field before anything leaves the package.
 */
final class InvalidValueException extends Exception {

    InvalidValueException(String message) {
        super(message, null, false, false);
    }
}
