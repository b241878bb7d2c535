package dev.interfeedback.config;

import dev.interfeedback.bench.BatchTokens;
import dev.interfeedback.bench.BenchmarkRunner;
import dev.interfeedback.episode.Verifier;
import dev.interfeedback.feedback.BinaryFeedback;
import dev.interfeedback.feedback.DetailedFeedback;
import dev.interfeedback.feedback.FeedbackKind;
import dev.interfeedback.feedback.FeedbackProvider;
import dev.interfeedback.human.HumanParticipant;
import dev.interfeedback.human.ReceiverActivity;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.MeteredModel;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Usage;
import dev.interfeedback.model.UsageMeter;
import dev.interfeedback.model.batch.BatchUsageMeter;
import dev.interfeedback.model.resilience.CallStats;
import dev.interfeedback.model.resilience.LimiterRegistry;
import dev.interfeedback.prompt.Prompts;
import dev.interfeedback.scoring.Scorer;
import dev.interfeedback.scoring.ScoringMode;
import dev.interfeedback.scoring.judge.HybridScorer;
import dev.interfeedback.scoring.judge.MathVerseTwoStepJudge;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Builds a benchmark runner from settings: the two models, the feedback kind, rounds and concurrency. */
public final class RunnerFactory {

    private RunnerFactory() {}

    /** @param environment reads environment variables (API keys); {@code System::getenv} in production */
    public static BenchmarkRunner create(Settings settings, Function<String, String> environment) {
        return create(settings, environment, new CallStats(), UnaryOperator.identity());
    }

    /**
     * @param stats counts the calls, retries and 429s of the runner's models, for progress lines
     * @param around wraps the model that makes each call, inside its cache, retries and endpoint
     *     limit, so a caller can add what only it knows about, such as the run's cancellation
     */
    public static BenchmarkRunner create(Settings settings, Function<String, String> environment, CallStats stats,
            UnaryOperator<ChatModel> around) {
        ModelFactory models = new ModelFactory(settings, environment, LimiterRegistry.shared(), stats, around);
        ChatModel receiver = models.onceEachBeside(models.create(settings.receiverAlias()));
        boolean human = settings.feedback() == FeedbackKind.HUMAN;
        // In a human session a person is the provider: no provider model is built or called.
        ChatModel provider = human ? new HumanParticipant(HumanSettings.protocol(settings))
                : models.onceEachBeside(models.create(settings.providerAlias()));
        Supplier<Usage> receiverBatched = batched(receiver), providerBatched = batched(provider);
        Prompts prompts = settings.prompts();
        boolean maintenance = settings.flag(Settings.MAINTENANCE);
        FeedbackProvider feedback = switch (settings.feedback()) {
            case BINARY -> new BinaryFeedback(prompts);
            case DETAILED -> new DetailedFeedback(provider, prompts);
            case HUMAN -> HumanSettings.feedback(settings, receiver.info());
        };
        if (human) receiver = ReceiverActivity.watch(receiver);
        DatasetSettings datasets = new DatasetSettings(settings);
        int threads = threads(settings, aliases(settings));
        Judging judging = judging(datasets, models);
        return new BenchmarkRunner(receiver, provider, feedback, judging.verifier(), settings.rounds(), threads, judging.info(),
                judging.tokens(), prompts, maintenance).sendingBatchesThrough(models.batches(),
                        () -> new BatchTokens(receiverBatched.get(), providerBatched.get(), judging.batched().get()));
    }

    /** How answers are verified: the judge's model, its tokens and those batches answered, null and none without one. */
    private record Judging(Verifier verifier, ModelInfo info, UsageMeter tokens, Supplier<Usage> batched) {}

    private static Judging judging(DatasetSettings datasets, ModelFactory models) {
        ScoringMode scoring = datasets.scoringMode();
        if (!scoring.usesJudge()) return new Judging(new Scorer()::score, null, null, () -> Usage.NONE);
        UsageMeter tokens = new UsageMeter();
        ChatModel judgeModel = models.onceEachBeside(models.create(datasets.judgeAlias()));
        ChatModel judge = new MeteredModel(judgeModel, tokens);
        MathVerseTwoStepJudge twoStep = new MathVerseTwoStepJudge(judge);
        Verifier verifier = scoring == ScoringMode.HYBRID ? new HybridScorer(new Scorer(), twoStep)::score : twoStep::judge;
        return new Judging(verifier, judge.info(), tokens, batched(judgeModel));
    }

    /** The tokens of the calls batches answered for a model, when it is a batch model. */
    private static Supplier<Usage> batched(ChatModel model) {
        return model instanceof BatchUsageMeter meter ? meter::usage : () -> Usage.NONE;
    }

    /** The aliases a benchmark calls: receiver, provider (none in a human session), and the judge when one scores. */
    public static List<String> aliases(Settings settings) {
        DatasetSettings datasets = new DatasetSettings(settings);
        List<String> aliases = new ArrayList<>(List.of(settings.receiverAlias()));
        if (settings.feedback() != FeedbackKind.HUMAN) aliases.add(settings.providerAlias());
        if (datasets.scoringMode().usesJudge()) aliases.add(datasets.judgeAlias());
        return List.copyOf(aliases);
    }

    /** Threads enough for every endpoint to be busy at its limit: the limiters, not the pool, bound the calls. */
    private static int threads(Settings settings, List<String> aliases) {
        return settings.endpointLimits(aliases).values().stream().mapToInt(Integer::intValue).sum()
                + HumanSettings.waitingSlots(settings);
    }
}
