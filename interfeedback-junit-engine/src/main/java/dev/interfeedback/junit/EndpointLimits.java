package dev.interfeedback.junit;

import dev.interfeedback.config.Settings;
import dev.interfeedback.model.ChatModel;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.UnaryOperator;
import org.junit.platform.engine.CancellationToken;

/**
 * How many calls may be in flight to each model endpoint, across all benchmarks of a run.
 *
 * <p>An endpoint is a model URL: two aliases on one server share its limit. The limit is
 * {@code interfeedback.model.<alias>.concurrency}, else {@code interfeedback.concurrency}
 * (default {@value Settings#DEFAULT_CONCURRENCY}); when aliases of one URL disagree, the first
 * one used sets it.
 */
final class EndpointLimits {

    private final Map<String, Semaphore> byEndpoint = new ConcurrentHashMap<>();

    /** Wraps a benchmark's models so that they wait for their endpoint and stop when the run is cancelled. */
    UnaryOperator<ChatModel> around(Settings settings, CancellationToken cancellation) {
        return model -> {
            String alias = model.info().alias();
            Semaphore permits = byEndpoint.computeIfAbsent(endpoint(settings, alias),
                    url -> new Semaphore(permits(settings, alias), true));
            return new LimitedModel(model, permits, cancellation);
        };
    }

    /**
     * Threads enough for every endpoint to be busy at its limit, so that the thread pool never
     * becomes the limit: a sample waits on one model at a time.
     */
    static int threadsFor(Collection<Settings> benchmarks) {
        Map<String, Integer> limits = new HashMap<>();
        for (Settings settings : benchmarks) {
            for (String alias : new String[] {settings.receiverAlias(), settings.providerAlias()}) {
                limits.putIfAbsent(endpoint(settings, alias), permits(settings, alias));
            }
        }
        return Math.max(1, limits.values().stream().mapToInt(Integer::intValue).sum());
    }

    private static String endpoint(Settings settings, String alias) {
        return settings.get(Settings.modelKey(alias, "url")).orElse("alias:" + alias);
    }

    private static int permits(Settings settings, String alias) {
        return settings.positiveInt(Settings.modelKey(alias, "concurrency"), settings.concurrency());
    }
}
