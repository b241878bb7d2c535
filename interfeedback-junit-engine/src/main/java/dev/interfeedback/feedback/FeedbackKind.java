package dev.interfeedback.feedback;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of feedback of the paper. */
public enum FeedbackKind {
    /** Only "your answer is incorrect", with the answer-format instruction and no hint. */
    BINARY,
    /** Written by the provider model, which sees the ground truth but must not reveal it. */
    DETAILED,
    /**
     * Typed by a person (InterFeedback-Human), in the local page or replayed from a recorded
     * session. The person plays the provider and is taken to solve every sample, so the test set
     * is every round-0 error.
     */
    HUMAN;

    /** The name used in configuration and outputs: {@code binary}, {@code detailed}, {@code human}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FeedbackKind parse(String value) {
        for (FeedbackKind kind : values()) {
            if (kind.configName().equalsIgnoreCase(value.trim())) return kind;
        }
        throw new IllegalArgumentException("unknown feedback kind \"" + value + "\"; expected one of "
                + Arrays.stream(values()).map(FeedbackKind::configName).toList());
    }
}
