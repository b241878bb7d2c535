package dev.interfeedback.human;

/** Where a person's feedback comes from: the local page, or a recorded session. Thread-safe. */
public interface FeedbackSource {

    /**
     * The feedback for a task, waiting for it as long as it takes (a person may be typing).
     *
     * @throws FeedbackUnavailableException when there is none and will be none (a recorded session
     *     that lacks the task, a page that was closed)
     */
    WrittenFeedback await(FeedbackTask task) throws FeedbackUnavailableException, InterruptedException;
}
