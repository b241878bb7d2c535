package dev.interfeedback.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.resilience.CachingModel;
import dev.interfeedback.model.resilience.CallStats;
import dev.interfeedback.model.resilience.LimiterRegistry;
import dev.interfeedback.model.resilience.RateLimitBudgetExceededException;
import dev.interfeedback.model.resilience.RetryingModel;
import dev.interfeedback.model.simulator.SimulatedModel;
import dev.interfeedback.testing.TestSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFactoryResilienceTest {

    @TempDir
    Path dir;

    private ChatModel create(Map<String, String> settings, String alias) {
        return new ModelFactory(TestSettings.of(settings), k -> null, new LimiterRegistry(), new CallStats()).create(alias);
    }

    private Map<String, String> api(String... extra) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "interfeedback.model.m.url", "http://127.0.0.1:1/v1",
                "interfeedback.model.m.name", "m",
                "interfeedback.cache.dir", dir.resolve("cache").toString()));
        for (int i = 0; i < extra.length; i += 2) settings.put(extra[i], extra[i + 1]);
        return settings;
    }

    @Test
    void apiModelsAreCachedRetriedAndLimited() {
        assertThat(create(api(), "m")).isInstanceOf(CachingModel.class);
    }

    @Test
    void sampledOrUncachedModelsAreRetriedWithoutACache() {
        assertThat(create(api("interfeedback.model.m.temperature", "0.5"), "m")).isInstanceOf(RetryingModel.class);
        assertThat(create(api("interfeedback.cache.enabled", "false"), "m")).isInstanceOf(RetryingModel.class);
    }

    @Test
    void theBudgetSettingIsTheOneRateLimitErrorsName() {
        assertThat(Settings.RETRY_RATE_LIMIT_BUDGET_SECONDS).isEqualTo(RateLimitBudgetExceededException.BUDGET_KEY);
    }

    @Test
    void theSimulatorIsNeitherCachedNorLimited() {
        // Its answers depend on the call context, which a cache key leaves out.
        assertThat(create(Map.of("interfeedback.model.sim.url", "simulator:?accuracy=0.5&seed=1"), "sim"))
                .isInstanceOf(SimulatedModel.class);
    }

    @Test
    void badSettingsNameTheKey() {
        assertThatThrownBy(() -> create(api("interfeedback.model.m.max-concurrency", "0"), "m"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("interfeedback.model.m.max-concurrency");
        assertThatThrownBy(() -> create(api("interfeedback.retry.initial-backoff-ms", "-5"), "m"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("interfeedback.retry.initial-backoff-ms");
        assertThatThrownBy(() -> create(api("interfeedback.retry.rate-limit-budget-seconds", "-1"), "m"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("interfeedback.retry.rate-limit-budget-seconds");
        assertThatThrownBy(() -> create(api("interfeedback.retry.max-retry-after-seconds", "0"), "m"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("interfeedback.retry.max-retry-after-seconds");
        assertThatThrownBy(() -> create(api("interfeedback.cache.enabled", "yes"), "m"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("interfeedback.cache.enabled");
    }
}
