package dev.interfeedback.junit;

import dev.interfeedback.config.HumanSettings;
import dev.interfeedback.config.RunnerFactory;
import dev.interfeedback.config.Settings;
import dev.interfeedback.model.ChatModel;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.platform.engine.CancellationToken;

/**
 * Sizes the engine's threads by the model endpoints' limits. The limits themselves are enforced
 * by the core's adaptive per-endpoint limiter ({@code interfeedback.model.<alias>.max-concurrency},
 * else {@code interfeedback.concurrency}), which every benchmark of the run shares.
 */
final class EndpointLimits {

    private EndpointLimits() {}

    /** Wraps the model behind each call (inside its endpoint limit) so that no call goes out once the run is cancelled. */
    static UnaryOperator<ChatModel> around(CancellationToken cancellation) {
        return model -> new CancellableModel(model, cancellation);
    }

    /**
     * Threads enough for every endpoint to be busy at its limit, so that the thread pool never
     * becomes the limit: a sample waits on one model at a time; and in a human session, threads for
     * the samples waiting for a person.
     */
    static int threadsFor(Collection<Settings> benchmarks) {
        Map<String, Integer> limits = new HashMap<>();
        for (Settings settings : benchmarks) {
            settings.endpointLimits(RunnerFactory.aliases(settings)).forEach(limits::putIfAbsent);
        }
        int waiting = benchmarks.stream().mapToInt(HumanSettings::waitingSlots).sum();
        return Math.max(1, limits.values().stream().mapToInt(Integer::intValue).sum() + waiting);
    }
}
