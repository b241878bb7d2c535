package dev.interfeedback.human;

import dev.interfeedback.feedback.Authorship;
import java.util.Objects;

/** A person's feedback text, as they wrote it, and who wrote it when. */
public record WrittenFeedback(String text, Authorship authorship) {

    public WrittenFeedback {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(authorship, "authorship");
    }
}
