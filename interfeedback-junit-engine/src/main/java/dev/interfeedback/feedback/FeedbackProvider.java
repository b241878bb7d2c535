package dev.interfeedback.feedback;

import dev.interfeedback.model.ModelException;

/** Gives feedback on the receiver's wrong answer. Implementations are thread-safe. */
public interface FeedbackProvider {

    FeedbackKind kind();

    Feedback feedback(FeedbackRequest request) throws ModelException;
}
