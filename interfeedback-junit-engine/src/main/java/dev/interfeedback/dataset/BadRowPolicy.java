package dev.interfeedback.dataset;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a publisher-format loader does with a row it cannot use (a missing field, an unparsable
 * options string, a missing image, an answer outside the options). Problems with the file as a
 * whole (unreadable, a missing column) always fail: no row of such a file could be trusted.
 */
public enum BadRowPolicy {
    /** Collect every bad row and fail the load with all of them: the default, so nothing is lost silently. */
    FAIL,
    /** Leave bad rows out and report them, each with its file, row and field, in {@link DatasetLoad#skipped()}. */
    SKIP;

    public static BadRowPolicy parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (BadRowPolicy policy : values()) {
            if (policy.name().toLowerCase(Locale.ROOT).equals(v)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("expected one of " + Arrays.stream(values())
                .map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", found \"" + value + "\"");
    }
}
