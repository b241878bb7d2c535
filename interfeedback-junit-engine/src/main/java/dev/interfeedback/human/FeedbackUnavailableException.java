package dev.interfeedback.human;

/** No feedback can be had for a task: its sample ends as an ERROR, never as not corrected. */
public final class FeedbackUnavailableException extends Exception {

    public FeedbackUnavailableException(String message) {
        super(message);
    }
}
