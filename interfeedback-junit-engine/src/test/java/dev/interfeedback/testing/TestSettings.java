package dev.interfeedback.testing;

import dev.interfeedback.config.Settings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Settings from key-value pairs, for tests. */
public final class TestSettings {

    private TestSettings() {}

    public static Settings of(Map<String, String> values) {
        Map<String, String> copy = new HashMap<>(values);
        return new Settings(key -> Optional.ofNullable(copy.get(key)));
    }

    /**
     * A receiver {@code weak} and a provider {@code strong} on the server, with retries fast enough
     * for tests, and no cache unless {@code cacheDir} is given.
     */
    public static Map<String, String> forServer(String baseUrl, String cacheDir) {
        Map<String, String> s = new HashMap<>();
        s.put("interfeedback.receiver", "weak");
        s.put("interfeedback.provider", "strong");
        for (String alias : new String[] {"weak", "strong"}) {
            s.put("interfeedback.model." + alias + ".url", baseUrl);
            s.put("interfeedback.model." + alias + ".name", alias);
            s.put("interfeedback.model." + alias + ".max-concurrency", "8");
        }
        s.put("interfeedback.retry.max-attempts", "8");
        s.put("interfeedback.retry.initial-backoff-ms", "2");
        s.put("interfeedback.retry.max-backoff-ms", "20");
        s.put("interfeedback.concurrency", "8");
        if (cacheDir == null) s.put("interfeedback.cache.enabled", "false");
        else s.put("interfeedback.cache.dir", cacheDir);
        return s;
    }
}
