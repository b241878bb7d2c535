package dev.interfeedback.junit;

import dev.interfeedback.config.DatasetSettings;
import dev.interfeedback.config.Settings;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The settings of one benchmark: configuration parameters first, then what its annotation says,
 * so a {@code -D} or {@code junit-platform.properties} value wins over the source code.
 */
final class BenchmarkSettings {

    private BenchmarkSettings() {}

    static Settings of(ConfigurationParameters parameters, InterFeedbackBenchmark annotation) {
        return of(parameters, annotation, Map.of());
    }

    /** @param cell what a cell of a matrix fixes (receiver, provider, feedback): it wins over both */
    static Settings of(ConfigurationParameters parameters, InterFeedbackBenchmark annotation, Map<String, String> cell) {
        Map<String, String> fromAnnotation = new java.util.HashMap<>();
        put(fromAnnotation, Settings.RECEIVER, annotation.receiver());
        put(fromAnnotation, Settings.PROVIDER, annotation.provider());
        put(fromAnnotation, Settings.FEEDBACK, annotation.feedback());
        if (annotation.rounds() != 0) fromAnnotation.put(Settings.ROUNDS, String.valueOf(annotation.rounds()));
        put(fromAnnotation, DatasetSettings.FORMAT, annotation.format());
        put(fromAnnotation, DatasetSettings.SUBJECTS, String.join(",", annotation.subjects()));
        if (annotation.limit() != 0) fromAnnotation.put(DatasetSettings.LIMIT, String.valueOf(annotation.limit()));
        Function<String, Optional<String>> lookup =
                key -> Optional.ofNullable(cell.get(key)).or(() -> parameters.get(key))
                        .or(() -> Optional.ofNullable(fromAnnotation.get(key)));
        return new Settings(lookup);
    }

    static Settings of(ConfigurationParameters parameters) {
        return new Settings(parameters::get);
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (!value.isBlank()) map.put(key, value);
    }
}
