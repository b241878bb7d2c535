package dev.interfeedback.model;

import java.util.Objects;

/**
 * The text a model answered, with the tokens it cost, and why it stopped.
 *
 * @param finishReason why the answer ended when not as answers do: the API's {@code finish_reason}
 *     ({@code length} for an answer cut at the token limit, {@code content_filter}, ...), or
 *     {@link #REFUSAL} when the model refused (the text is then its refusal); null for an answer
 *     that ended normally, whatever the server calls that ({@code stop}, {@code eos}, ...), or when
 *     it does not say, so that an answer replayed from the cache is the same
 */
public record ChatResponse(String text, Usage usage, String finishReason) {

    /** The finish reason of a refusal: OpenAI's {@code message.refusal} in place of content. */
    public static final String REFUSAL = "refusal";

    public ChatResponse {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(usage, "usage");
    }

    /** An answer that ended as answers do. */
    public ChatResponse(String text, Usage usage) {
        this(text, usage, null);
    }

    public boolean refused() {
        return REFUSAL.equals(finishReason);
    }
}
