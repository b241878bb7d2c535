package dev.interfeedback.scoring;

import java.util.Locale;

/** How free-form (MathVerse) answers are scored: {@code interfeedback.dataset.mathverse.scoring}. */
public enum ScoringMode {
    /** The rules of {@link Scorer}, for every verdict. */
    RULES,
    /** MathVerse's official two-step judge, for every verdict. */
    JUDGE,
    /** The rules where they are certain, the judge only where they are unsure. */
    HYBRID;

    public boolean usesJudge() {
        return this != RULES;
    }

    public static ScoringMode parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "rules" -> RULES;
            case "judge" -> JUDGE;
            case "hybrid" -> HYBRID;
            default -> throw new IllegalArgumentException("expected rules, judge or hybrid, found \"" + value + "\"");
        };
    }
}
