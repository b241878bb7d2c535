package dev.interfeedback.config;

import dev.interfeedback.feedback.FeedbackKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The cells of a benchmark matrix, shared by the JUnit engine and the command line so that both
 * name a cell alike: every combination of receivers, providers and feedback kinds, receivers
 * first (the rows of the paper's tables), then providers, then feedback kinds. A cell's id is
 * {@code <benchmark>[<receiver>,<provider>,<feedback>]}, stable whatever other cells the matrix has.
 */
public final class MatrixCells {

    private MatrixCells() {}

    /**
     * One combination. A null axis keeps the setting's own value (the single key, else the default).
     *
     * @param receiver alias of the receiver, or null
     * @param provider alias of the provider, or null
     * @param feedback feedback kind, or null
     */
    public record Cell(String receiver, String provider, String feedback) {

        /** The settings this cell fixes, which win over everything else. */
        public Map<String, String> overrides() {
            Map<String, String> overrides = new HashMap<>();
            if (receiver != null) overrides.put(Settings.RECEIVER, receiver);
            if (provider != null) overrides.put(Settings.PROVIDER, provider);
            if (feedback != null) overrides.put(Settings.FEEDBACK, feedback);
            return overrides;
        }

        /** {@code settings} with this cell's overrides on top. */
        public Settings apply(Function<String, Optional<String>> lookup) {
            Map<String, String> overrides = overrides();
            return new Settings(key -> overrides.containsKey(key) ? Optional.of(overrides.get(key)) : lookup.apply(key));
        }
    }

    /** The cell's part of its id: {@code <receiver alias>,<provider alias>,<feedback kind>}. */
    public static String key(Settings cell) {
        return cell.receiverAlias() + "," + cell.providerAlias() + "," + cell.feedback().configName();
    }

    /** A cell's benchmark id. */
    public static String id(String benchmark, Settings cell) {
        return benchmark + "[" + key(cell) + "]";
    }

    /** Every combination of the axes, in table order; a null axis value keeps the setting. */
    public static List<Cell> combine(List<String> receivers, List<String> providers, List<String> feedbacks) {
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

    /** The cells the list keys ({@code interfeedback.receivers}, {@code .providers}, {@code .feedbacks}) name. */
    public static List<Cell> of(Settings settings) {
        return combine(axis(settings, Settings.RECEIVERS), axis(settings, Settings.PROVIDERS), axis(settings, Settings.FEEDBACKS));
    }

    private static List<String> axis(Settings settings, String key) {
        return settings.get(key).map(list -> values(Arrays.asList(list.split(",", -1)), key)).orElseGet(MatrixCells::keep);
    }

    /** A list's values, trimmed, each once; an empty value is refused, naming {@code where}. */
    public static List<String> values(List<String> raw, String where) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String value : raw) {
            if (value.isBlank()) throw new ConfigurationException(where + ": an empty value in the list " + raw);
            values.add(value.trim());
        }
        return List.copyOf(values);
    }

    /** One value that the settings decide (the single key, the annotation's value, the default). */
    public static List<String> keep() {
        List<String> one = new ArrayList<>();
        one.add(null);
        return one;
    }
}
