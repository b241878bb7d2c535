package dev.interfeedback.scoring.judge;

/**
 * The judge could not give a verdict: its model failed after its retries, or kept answering
 * something other than a judgement. The episode counts the sample as an error, never as a wrong
 * answer.
 */
public class JudgeException extends dev.interfeedback.scoring.ScoringFailedException {

    public JudgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
