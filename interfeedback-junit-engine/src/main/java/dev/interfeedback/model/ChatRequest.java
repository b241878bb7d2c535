package dev.interfeedback.model;

import java.util.List;
import java.util.Objects;

/** A multi-turn conversation to send to a chat model, and what the call is for. */
public record ChatRequest(List<Message> messages, CallContext context) {

    public ChatRequest {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) throw new IllegalArgumentException("a chat request needs at least one message");
        Objects.requireNonNull(context, "context");
    }
}
