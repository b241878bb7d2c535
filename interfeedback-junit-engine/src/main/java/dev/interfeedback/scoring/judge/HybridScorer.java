package dev.interfeedback.scoring.judge;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.scoring.Scorer;
import dev.interfeedback.scoring.Verdict;

/**
 * Scoring mode {@code hybrid}: the rules decide where they are certain, and MathVerse's official
 * two-step judge only where they are unsure, so a run pays for the judge on the few answers rules
 * cannot read (prose, an unmarked final sentence) and stays reproducible on the rest. Each
 * verdict's rule says which decided ({@code judge} for the judge). Thread-safe when the judge's
 * model is.
 */
public final class HybridScorer {

    private final Scorer rules;
    private final MathVerseTwoStepJudge judge;

    public HybridScorer(Scorer rules, MathVerseTwoStepJudge judge) {
        this.rules = rules;
        this.judge = judge;
    }

    /** Same shape as {@code Verifier.verify}. */
    public Verdict score(String response, Sample sample) {
        Verdict verdict = rules.score(response, sample);
        return verdict.certain() ? verdict : judge.judge(response, sample);
    }
}
