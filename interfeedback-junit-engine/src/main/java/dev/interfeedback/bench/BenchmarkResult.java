package dev.interfeedback.bench;

import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.Round;
import dev.interfeedback.feedback.FeedbackKind;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Usage;
import dev.interfeedback.prompt.PromptTemplate;
import dev.interfeedback.scoring.judge.MathVerseTwoStepJudge;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param episodes every sample's episode, in dataset order: the figures below are computed from
 *     these; a run that wrote the transcripts as it went keeps only their {@linkplain Episode#outcome()
 *     outcomes} (without the answers' and the feedback's texts)
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
        List<Episode> episodes,
        ModelInfo judge,
        Usage judgeUsage,
        List<PromptTemplate> prompts,
        ChanceCorrection chance,
        SharedRoundZeroTokens sharedRoundZero,
        BatchTokens batched) {

    public BenchmarkResult {
        sharedRoundZero = sharedRoundZero == null ? SharedRoundZeroTokens.NONE : sharedRoundZero;
        batched = batched == null ? BatchTokens.NONE : batched;
        episodes = List.copyOf(episodes);
        judgeUsage = judgeUsage == null ? Usage.NONE : judgeUsage;
        prompts = prompts == null ? List.of() : List.copyOf(prompts);
        chance = chance == null ? ChanceCorrection.NONE : chance;
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
        return Metrics.of(episodes, maxRounds);
    }

    /** The answer-maintenance control's figures, or null when the run did not ask for it. */
    public MaintenanceMetrics maintenance() {
        return MaintenanceMetrics.of(episodes, maxRounds);
    }

    /** The same figures per category, from the category's pooled counts, sorted by category. */
    public Map<String, Metrics> perCategory() {
        Map<String, List<Episode>> byCategory = new TreeMap<>();
        for (Episode episode : episodes) {
            byCategory.computeIfAbsent(episode.category(), c -> new java.util.ArrayList<>()).add(episode);
        }
        Map<String, Metrics> metrics = new TreeMap<>();
        byCategory.forEach((category, list) -> metrics.put(category, Metrics.of(list, maxRounds)));
        return metrics;
    }

    /** The answer-maintenance control by category, from the category's pooled counts; empty without the control. */
    public Map<String, MaintenanceMetrics> maintenanceByCategory() {
        Map<String, List<Episode>> byCategory = new TreeMap<>();
        for (Episode episode : episodes) {
            byCategory.computeIfAbsent(episode.category(), c -> new java.util.ArrayList<>()).add(episode);
        }
        Map<String, MaintenanceMetrics> metrics = new TreeMap<>();
        byCategory.forEach((category, list) -> {
            MaintenanceMetrics m = MaintenanceMetrics.of(list, maxRounds);
            if (m != null) metrics.put(category, m);
        });
        return metrics;
    }

    /**
     * Who decided the receiver's verdicts, over every round of every episode: the rules, or a
     * judge model ({@code judge} and {@code hybrid} scoring), so a user sees the judge's share.
     */
    public record VerdictSources(int rules, int judge) {}

    public VerdictSources verdictSources() {
        int rules = 0;
        int judge = 0;
        for (Episode episode : episodes) {
            for (Round round : episode.rounds()) {
                if (MathVerseTwoStepJudge.RULE.equals(round.verdict().rule())) {
                    judge++;
                } else {
                    rules++;
                }
            }
        }
        return new VerdictSources(rules, judge);
    }

    /** The receiver's answers cut at the token limit ({@code finish_reason: length}), over every round. */
    public int truncatedAnswers() {
        return (int) episodes.stream().flatMap(e -> e.rounds().stream()).filter(Round::truncated).count();
    }

    public Usage receiverUsage() {
        return episodes.stream().map(Episode::receiverUsage).reduce(Usage.NONE, Usage::plus);
    }

    public Usage providerUsage() {
        return episodes.stream().map(Episode::providerUsage).reduce(Usage.NONE, Usage::plus);
    }
}
