package dev.interfeedback.bench;

import dev.interfeedback.bench.EpisodeTotals.FirstError;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.feedback.FeedbackKind;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Usage;
import dev.interfeedback.prompt.PromptTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one benchmark run produced.
 *
 * @param id the benchmark's id
 * @param dataset the dataset's name
 * @param receiver the model under test
 * @param provider the model that wrote feedback (and whose round-0 answers built the test set)
 * @param feedback the feedback kind
 * @param maxRounds the most feedback rounds a sample got
 * @param providerRoundZero the provider's round-0 accuracy over the full dataset
 * @param totals the totals of every sample's episode, which the figures below are read from: a
 *     result holds no object per sample (the transcripts are in the run's files)
 * @param judge the model that judged answers, or null when a rule-based scorer did
 * @param judgeUsage the judge's tokens in this run
 * @param prompts the prompt templates the run used
 * @param chance the corrections expected from guessing untried options on the test set
 * @param sharedRoundZero the part of the receiver's and provider's tokens spent on round-0 answers
 *     that another cell of the matrix asked for (billed there); none outside a matrix
 * @param batched the tokens of the calls a batch answered, by role
 */
public record BenchmarkResult(
        String id,
        String dataset,
        ModelInfo receiver,
        ModelInfo provider,
        FeedbackKind feedback,
        int maxRounds,
        Rate providerRoundZero,
        EpisodeTotals totals,
        ModelInfo judge,
        Usage judgeUsage,
        List<PromptTemplate> prompts,
        ChanceCorrection chance,
        SharedRoundZeroTokens sharedRoundZero,
        BatchTokens batched) {

    public BenchmarkResult {
        if (totals.metrics().perRound().size() != maxRounds) {
            throw new IllegalArgumentException("episodes totalled over " + totals.metrics().perRound().size()
                    + " rounds for a benchmark of " + maxRounds);
        }
        sharedRoundZero = sharedRoundZero == null ? SharedRoundZeroTokens.NONE : sharedRoundZero;
        batched = batched == null ? BatchTokens.NONE : batched;
        judgeUsage = judgeUsage == null ? Usage.NONE : judgeUsage;
        prompts = prompts == null ? List.of() : List.copyOf(prompts);
        chance = chance == null ? ChanceCorrection.NONE : chance;
    }

    /** A result of every sample's episode, in dataset order. */
    public BenchmarkResult(String id, String dataset, ModelInfo receiver, ModelInfo provider, FeedbackKind feedback,
            int maxRounds, Rate providerRoundZero, List<Episode> episodes, ModelInfo judge, Usage judgeUsage,
            List<PromptTemplate> prompts, ChanceCorrection chance, SharedRoundZeroTokens sharedRoundZero,
            BatchTokens batched) {
        this(id, dataset, receiver, provider, feedback, maxRounds, providerRoundZero, EpisodeTotals.of(episodes, maxRounds),
                judge, judgeUsage, prompts, chance, sharedRoundZero, batched);
    }

    /** A result of a benchmark that shares no round-0 answers with another. */
    public BenchmarkResult(String id, String dataset, ModelInfo receiver, ModelInfo provider, FeedbackKind feedback,
            int maxRounds, Rate providerRoundZero, List<Episode> episodes, ModelInfo judge, Usage judgeUsage,
            List<PromptTemplate> prompts, ChanceCorrection chance) {
        this(id, dataset, receiver, provider, feedback, maxRounds, providerRoundZero, episodes, judge, judgeUsage, prompts,
                chance, null, null);
    }

    /** A result without the prompts' record and the chance figure. */
    public BenchmarkResult(String id, String dataset, ModelInfo receiver, ModelInfo provider, FeedbackKind feedback,
            int maxRounds, Rate providerRoundZero, List<Episode> episodes, ModelInfo judge, Usage judgeUsage) {
        this(id, dataset, receiver, provider, feedback, maxRounds, providerRoundZero, episodes, judge, judgeUsage, null, null);
    }

    /** A result scored without a judge model. */
    public BenchmarkResult(String id, String dataset, ModelInfo receiver, ModelInfo provider, FeedbackKind feedback,
            int maxRounds, Rate providerRoundZero, List<Episode> episodes) {
        this(id, dataset, receiver, provider, feedback, maxRounds, providerRoundZero, episodes, null, Usage.NONE);
    }

    public Metrics metrics() {
        return totals.metrics();
    }

    /** The answer-maintenance control's figures, or null when the run did not ask for it. */
    public MaintenanceMetrics maintenance() {
        return totals.maintenance();
    }

    /** The same figures per category, from the category's pooled counts, sorted by category. */
    public Map<String, Metrics> perCategory() {
        return totals.perCategory();
    }

    /** The answer-maintenance control by category, from the category's pooled counts; empty without the control. */
    public Map<String, MaintenanceMetrics> maintenanceByCategory() {
        return totals.maintenanceByCategory();
    }

    /**
     * Who decided the receiver's verdicts, over every round of every episode: the rules, or a
     * judge model ({@code judge} and {@code hybrid} scoring), so a user sees the judge's share.
     */
    public record VerdictSources(int rules, int judge) {}

    public VerdictSources verdictSources() {
        return totals.verdictSources();
    }

    /** The receiver's answers cut at the token limit ({@code finish_reason: length}), over every round. */
    public int truncatedAnswers() {
        return totals.truncatedAnswers();
    }

    public Usage receiverUsage() {
        return totals.receiverUsage();
    }

    public Usage providerUsage() {
        return totals.providerUsage();
    }

    /** The error of the failed episode first in dataset order, the example a summary shows; empty when none failed. */
    public Optional<FirstError> firstError() {
        return Optional.ofNullable(totals.firstError());
    }
}
