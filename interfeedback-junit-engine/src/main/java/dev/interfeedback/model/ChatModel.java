package dev.interfeedback.model;

/** A chat model that takes a multi-turn conversation with images. Implementations are thread-safe. */
public interface ChatModel {

    /**
     * Sends the conversation and returns the model's answer.
     *
     * @throws ModelException when no answer could be had; the caller counts the sample as an
     *     error, never as a wrong answer
     */
    ChatResponse chat(ChatRequest request) throws ModelException;

    /** What to call this model in reports: its model id, and whether it is simulated. */
    ModelInfo info();
}
