package dev.interfeedback.dataset.mathverse;

import java.util.Locale;

/** Which of MathVerse's two published prompts is the round-0 prompt. */
public enum MathVersePromptMode {
    /** {@code query_cot}: reason first, then answer. */
    COT("query_cot"),
    /** {@code query_wo}: answer directly. */
    DIRECT("query_wo");

    private final String field;

    MathVersePromptMode(String field) {
        this.field = field;
    }

    /** The record field that holds this prompt. */
    public String field() {
        return field;
    }

    public static MathVersePromptMode parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "cot", "query_cot" -> COT;
            case "direct", "wo", "query_wo" -> DIRECT;
            default -> throw new IllegalArgumentException("expected cot or direct, found \"" + value + "\"");
        };
    }
}
