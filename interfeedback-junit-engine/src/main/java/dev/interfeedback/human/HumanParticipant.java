package dev.interfeedback.human;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelInfo;

/**
 * The provider's place in a human session: a person, named in every output as {@code human} with
 * the protocol they follow. It is never called; its feedback comes through {@link HumanFeedback}.
 */
public final class HumanParticipant implements ChatModel {

    private final ModelInfo info;

    public HumanParticipant(HumanProtocol protocol) {
        this.info = new ModelInfo("human", protocol.configName() + " protocol", false);
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws ModelException {
        throw new ModelException("a person gives the feedback in a human session; no model answers in their place");
    }

    @Override
    public ModelInfo info() {
        return info;
    }
}
