package dev.interfeedback.dataset.mmmupro;

import java.util.Locale;

/** The two prompt modes of MMMU-Pro's official inference code. */
public enum MmmuProMode {
    /** Chain of thought: reason, then end with {@code Answer: $LETTER}. */
    COT,
    /** Answer with the letter directly. */
    DIRECT;

    public static MmmuProMode parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "cot" -> COT;
            case "direct" -> DIRECT;
            default -> throw new IllegalArgumentException("expected cot or direct, found \"" + value + "\"");
        };
    }
}
