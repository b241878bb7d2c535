package dev.interfeedback.model;

/** Who speaks a message in a chat conversation. */
public enum Role {
    SYSTEM, USER, ASSISTANT;

    /** The role's name on the wire of OpenAI-compatible APIs. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
