package dev.interfeedback.feedback;

import dev.interfeedback.model.Usage;
import dev.interfeedback.prompt.Prompts;

/** Says only that the answer is incorrect, and repeats the answer-format instruction. */
public final class BinaryFeedback implements FeedbackProvider {

    private final Prompts prompts;

    public BinaryFeedback() {
        this(Prompts.builtIn());
    }

    public BinaryFeedback(Prompts prompts) {
        this.prompts = prompts;
    }

    @Override
    public FeedbackKind kind() {
        return FeedbackKind.BINARY;
    }

    @Override
    public Feedback feedback(FeedbackRequest request) {
        return new Feedback(prompts.binaryFeedback(request.sample()), Usage.NONE, LeakAction.NONE);
    }
}
