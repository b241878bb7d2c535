package dev.interfeedback.scoring;

/**
 * The verifier's reading of one answer, and how it was reached.
 *
 * @param extracted the answer extracted from the response (an option letter or the free-form
 *     answer as read), or null when nothing could be extracted
 * @param correct whether it matches the ground truth exactly (reward 1); an unparsed answer is
 *     always wrong
 * @param rule the rule that decided: for multiple choice {@code official-parser} or
 *     {@code several-letters}; for free form where the answer was found and how it was compared
 *     ({@code answer-line/number}, {@code final-sentence/equation}); {@code judge} when a judge
 *     model decided; {@code empty}, {@code refusal} or {@code unparsed} without an answer
 * @param certain whether the rules are certain of the verdict; an unsure verdict is the one a
 *     judge model decides in {@code hybrid} scoring
 */
public record Verdict(String extracted, boolean correct, String rule, boolean certain) {

    /** An empty or blank response: wrong, on every path, and certain of it. */
    public static Verdict empty() {
        return new Verdict(null, false, "empty", true);
    }

    /** A refusal to answer: wrong, and certain of it. */
    public static Verdict refusal() {
        return new Verdict(null, false, "refusal", true);
    }

    /** A response whose answer the rules could not find: wrong, and unsure. */
    public static Verdict unparsed(String rule) {
        return new Verdict(null, false, rule, false);
    }

    public boolean parsed() {
        return extracted != null;
    }

    /** The reward of the paper: 1 for an exact match, 0 otherwise. */
    public int reward() {
        return correct ? 1 : 0;
    }
}
