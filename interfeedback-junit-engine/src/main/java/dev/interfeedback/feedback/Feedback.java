package dev.interfeedback.feedback;

import dev.interfeedback.model.Usage;
import java.util.Objects;

/**
 * Feedback on a wrong answer, as the receiver will read it.
 *
 * @param text what the receiver is told, word for word
 * @param usage the provider's tokens (zero for binary feedback)
 * @param leakAction what the leak guard did
 */
public record Feedback(String text, Usage usage, LeakAction leakAction) {

    public Feedback {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(leakAction, "leakAction");
    }
}
