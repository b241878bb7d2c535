package dev.interfeedback.dataset.mmmupro;

import java.util.Locale;

/**
 * What to do with an MMMU-Pro sample that has several images, for receivers that take one image
 * per message or to compare with results that left such samples out.
 */
public enum MultiImagePolicy {
    /** Send every image, in the order the question's {@code <image i>} tokens name them (the default). */
    ALL,
    /** Send only the first image the question names. */
    FIRST,
    /** Leave the sample out; it is listed in {@code DatasetLoad.excluded()}. */
    SKIP;

    public static MultiImagePolicy parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> ALL;
            case "first" -> FIRST;
            case "skip" -> SKIP;
            default -> throw new IllegalArgumentException("expected all, first or skip, found \"" + value + "\"");
        };
    }
}
