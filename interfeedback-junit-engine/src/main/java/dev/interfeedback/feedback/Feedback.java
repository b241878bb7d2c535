package dev.interfeedback.feedback;

import dev.interfeedback.model.Usage;
import java.util.Objects;

/**
 * Feedback on a wrong answer, as the receiver will read it.
 *
 * @param text what the receiver is told, word for word
 * @param usage the provider's tokens (zero for binary feedback)
 * @param leakAction what the leak guard did
 * @param authorship who wrote it, when and how long it took, for feedback a person wrote; else null
 */
public record Feedback(String text, Usage usage, LeakAction leakAction, Authorship authorship) {

    public Feedback {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(leakAction, "leakAction");
    }

    /** Feedback a model wrote (or a fixed text). */
    public Feedback(String text, Usage usage, LeakAction leakAction) {
        this(text, usage, leakAction, null);
    }
}
