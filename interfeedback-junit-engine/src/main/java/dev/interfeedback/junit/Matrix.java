package dev.interfeedback.junit;

import dev.interfeedback.config.ConfigurationException;
import dev.interfeedback.config.Settings;
import dev.interfeedback.feedback.FeedbackKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The cells of a benchmark: every combination of its receivers, providers and feedback kinds, as
 * the paper's tables have them. Each axis is the list key's ({@code interfeedback.receivers}), else
 * the annotation's list, else one value: the single setting's ({@code interfeedback.receiver}, then
 * the annotation's {@code receiver}, then the default). The single key does not collapse a list in
 * the annotation: projects set it in {@code junit-platform.properties} for their plain benchmarks.
 */
final class Matrix {

    /**
     * One combination. A null axis keeps the setting's own value (the default).
     *
     * @param receiver alias of the receiver, or null
     * @param provider alias of the provider, or null
     * @param feedback feedback kind, or null
     */
    record Cell(String receiver, String provider, String feedback) {

        static final String SEGMENT = "cell";

        /** The unique-id segment: stable whatever other cells the matrix has. */
        String key(Settings settings) {
            return settings.receiverAlias() + "," + settings.providerAlias() + "," + settings.feedback().configName();
        }

        /** The settings this cell fixes, which win over everything else. */
        Map<String, String> overrides() {
            Map<String, String> overrides = new java.util.HashMap<>();
            if (receiver != null) overrides.put(Settings.RECEIVER, receiver);
            if (provider != null) overrides.put(Settings.PROVIDER, provider);
            if (feedback != null) overrides.put(Settings.FEEDBACK, feedback);
            return overrides;
        }
    }

    private Matrix() {}

    /** The cells in table order: receivers are rows, then providers, then feedback kinds. */
    static List<Cell> cells(ConfigurationParameters parameters, InterFeedbackBenchmark annotation) {
        List<String> receivers = axis(parameters, Settings.RECEIVERS, annotation.receivers(),
                annotation.receiver(), "receiver");
        List<String> providers = axis(parameters, Settings.PROVIDERS, annotation.providers(),
                annotation.provider(), "provider");
        List<String> feedbacks = axis(parameters, Settings.FEEDBACKS, annotation.feedbacks(),
                annotation.feedback(), "feedback");
        for (String kind : feedbacks) {
            if (kind == null) continue;
            try {
                FeedbackKind.parse(kind);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(Settings.FEEDBACKS + ": " + e.getMessage());
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (String receiver : receivers) {
            for (String provider : providers) {
                for (String feedback : feedbacks) cells.add(new Cell(receiver, provider, feedback));
            }
        }
        return cells;
    }

    private static List<String> axis(ConfigurationParameters parameters, String listKey,
            String[] listAttribute, String singleAttribute, String name) {
        Optional<String> list = parameters.get(listKey).filter(v -> !v.isBlank());
        if (list.isPresent()) return values(Arrays.asList(list.get().split(",")), listKey);
        if (listAttribute.length > 0) {
            if (!singleAttribute.isBlank()) {
                throw new ConfigurationException("@InterFeedbackBenchmark sets both " + name + " and " + name
                        + "s; set one of them");
            }
            return values(Arrays.asList(listAttribute), "@InterFeedbackBenchmark(" + name + "s)");
        }
        return nothing();
    }

    private static List<String> values(List<String> raw, String where) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String value : raw) {
            if (value.isBlank()) throw new ConfigurationException(where + ": an empty value in the list " + raw);
            values.add(value.trim());
        }
        return List.copyOf(values);
    }

    /** One value that the settings decide (the single key, the annotation's value, the default). */
    private static List<String> nothing() {
        List<String> one = new ArrayList<>();
        one.add(null);
        return one;
    }
}
