package dev.interfeedback.config;

import dev.interfeedback.bench.BenchmarkRunner;
import dev.interfeedback.feedback.BinaryFeedback;
import dev.interfeedback.feedback.DetailedFeedback;
import dev.interfeedback.feedback.FeedbackProvider;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.resilience.CallStats;
import dev.interfeedback.model.resilience.LimiterRegistry;
import dev.interfeedback.scoring.Scorer;
import java.util.function.Function;

/** Builds a benchmark runner from settings: the two models, the feedback kind, rounds and concurrency. */
public final class RunnerFactory {

    private RunnerFactory() {}

    /** @param environment reads environment variables (API keys); {@code System::getenv} in production */
    public static BenchmarkRunner create(Settings settings, Function<String, String> environment) {
        return create(settings, environment, new CallStats());
    }

    /** @param stats counts the calls, retries and 429s of the runner's models, for progress lines */
    public static BenchmarkRunner create(Settings settings, Function<String, String> environment, CallStats stats) {
        ModelFactory models = new ModelFactory(settings, environment, LimiterRegistry.shared(), stats);
        ChatModel receiver = models.create(settings.receiverAlias());
        ChatModel provider = models.create(settings.providerAlias());
        FeedbackProvider feedback = switch (settings.feedback()) {
            case BINARY -> new BinaryFeedback();
            case DETAILED -> new DetailedFeedback(provider);
        };
        return new BenchmarkRunner(receiver, provider, feedback, new Scorer()::score, settings.rounds(),
                settings.concurrency());
    }
}
