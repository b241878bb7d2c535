package dev.interfeedback.config;

import dev.interfeedback.bench.BenchmarkRunner;
import dev.interfeedback.feedback.BinaryFeedback;
import dev.interfeedback.feedback.DetailedFeedback;
import dev.interfeedback.feedback.FeedbackProvider;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.MeteredModel;
import dev.interfeedback.model.UsageMeter;
import dev.interfeedback.model.resilience.CallStats;
import dev.interfeedback.model.resilience.LimiterRegistry;
import dev.interfeedback.scoring.Scorer;
import dev.interfeedback.scoring.judge.MathVerseTwoStepJudge;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Builds a benchmark runner from settings: the two models, the feedback kind, rounds and concurrency. */
public final class RunnerFactory {

    private RunnerFactory() {}

    /** @param environment reads environment variables (API keys); {@code System::getenv} in production */
    public static BenchmarkRunner create(Settings settings, Function<String, String> environment) {
        return create(settings, environment, new CallStats(), UnaryOperator.identity());
    }

    /**
     * @param around wraps each model before use, so a caller can add what only it knows about,
     *     such as limits shared across benchmarks or cancellation of the run
     */
    public static BenchmarkRunner create(Settings settings, Function<String, String> environment,
            UnaryOperator<ChatModel> around) {
        return create(settings, environment, new CallStats(), around);
    }

    /** @param stats counts the calls, retries and 429s of the runner's models, for progress lines */
    public static BenchmarkRunner create(Settings settings, Function<String, String> environment, CallStats stats) {
        return create(settings, environment, stats, UnaryOperator.identity());
    }

    /**
     * @param stats counts the calls, retries and 429s of the runner's models, for progress lines
     * @param around wraps each model before use (outside its cache, retries and endpoint limit)
     */
    public static BenchmarkRunner create(Settings settings, Function<String, String> environment, CallStats stats,
            UnaryOperator<ChatModel> around) {
        ModelFactory models = new ModelFactory(settings, environment, LimiterRegistry.shared(), stats);
        ChatModel receiver = around.apply(models.create(settings.receiverAlias()));
        ChatModel provider = around.apply(models.create(settings.providerAlias()));
        FeedbackProvider feedback = switch (settings.feedback()) {
            case BINARY -> new BinaryFeedback();
            case DETAILED -> new DetailedFeedback(provider);
        };
        DatasetSettings datasets = new DatasetSettings(settings);
        if (datasets.judgeScoring()) {
            UsageMeter judgeTokens = new UsageMeter();
            ChatModel judge = new MeteredModel(around.apply(models.create(datasets.judgeAlias())), judgeTokens);
            return new BenchmarkRunner(receiver, provider, feedback, new MathVerseTwoStepJudge(judge)::judge,
                    settings.rounds(), settings.concurrency(), judge.info(), judgeTokens);
        }
        return new BenchmarkRunner(receiver, provider, feedback, new Scorer()::score, settings.rounds(),
                settings.concurrency());
    }
}
