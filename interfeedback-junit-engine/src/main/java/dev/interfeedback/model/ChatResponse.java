package dev.interfeedback.model;

import java.util.Objects;

/** The text a model answered, with the tokens it cost. */
public record ChatResponse(String text, Usage usage) {

    public ChatResponse {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(usage, "usage");
    }
}
