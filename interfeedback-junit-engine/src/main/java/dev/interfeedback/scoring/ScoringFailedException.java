package dev.interfeedback.scoring;

/**
 * A verifier could not reach a verdict (a judge model failed, or never answered 0 or 1). Not a
 * wrong answer: the episode records the sample as an ERROR, as it does when the receiver's own
 * call fails. Unchecked, because verifiers return plain verdicts.
 */
public class ScoringFailedException extends RuntimeException {

    public ScoringFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
