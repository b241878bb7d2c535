package dev.interfeedback.scoring;

/**
 * The verifier's reading of one answer.
 *
 * @param extracted the answer extracted from the response (an option letter or a normalized
 *     value), or null when nothing could be extracted
 * @param correct whether it matches the ground truth exactly (reward 1); an unparsed answer is
 *     always wrong
 */
public record Verdict(String extracted, boolean correct) {

    public static Verdict unparsed() {
        return new Verdict(null, false);
    }

    public boolean parsed() {
        return extracted != null;
    }

    /** The reward of the paper: 1 for an exact match, 0 otherwise. */
    public int reward() {
        return correct ? 1 : 0;
    }
}
