package dev.interfeedback.maven.rules;

/** A limit that an element of the results does not meet, as one line a release engineer reads. */
public record Violation(String message) {

    @Override
    public String toString() {
        return message;
    }
}
