package dev.interfeedback.feedback;

import java.time.Instant;
import java.util.Objects;

/**
 * Who wrote a feedback text and how: kept with every round of feedback a person gave, so that a
 * human study's effort can be read from its episodes.
 *
 * @param annotator the name the person gave the session
 * @param writtenAt when the feedback was submitted
 * @param durationMs from the moment the person was shown the task to the submit
 */
public record Authorship(String annotator, Instant writtenAt, long durationMs) {

    public Authorship {
        Objects.requireNonNull(annotator, "annotator");
        Objects.requireNonNull(writtenAt, "writtenAt");
        if (durationMs < 0) throw new IllegalArgumentException("durationMs must not be negative, was " + durationMs);
    }
}
