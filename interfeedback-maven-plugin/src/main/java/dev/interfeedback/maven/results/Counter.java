package dev.interfeedback.maven.results;

import java.util.Arrays;
import java.util.Locale;

/** What a limit can be set on. */
public enum Counter {
    /** Corrected among the test set (receiver wrong at round 0, provider right). */
    CORRECTION_RATE("correction rate"),
    /** Right at round 0, over the samples answered at round 0. */
    ACCURACY("accuracy"),
    /** Samples whose model calls failed, among all samples. */
    ERROR_RATE("error rate");

    private final String label;

    Counter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Counter parse(String value) {
        for (Counter counter : values()) {
            if (counter.name().equalsIgnoreCase(value == null ? "" : value.trim())) return counter;
        }
        throw new IllegalArgumentException("unknown counter \"" + value + "\"; expected one of "
                + Arrays.toString(values()).toUpperCase(Locale.ROOT));
    }
}
