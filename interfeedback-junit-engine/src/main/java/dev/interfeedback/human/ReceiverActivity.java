package dev.interfeedback.human;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelInfo;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the receiver's answers being computed, so the page can say what is pending. */
public final class ReceiverActivity {

    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();

    private ReceiverActivity() {}

    /** The receiver's calls in flight in this process. */
    public static int answering() {
        return IN_FLIGHT.get();
    }

    /** The receiver, counted while it answers. */
    public static ChatModel watch(ChatModel receiver) {
        return new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) throws ModelException {
                IN_FLIGHT.incrementAndGet();
                try {
                    return receiver.chat(request);
                } finally {
                    IN_FLIGHT.decrementAndGet();
                }
            }

            @Override
            public ModelInfo info() {
                return receiver.info();
            }
        };
    }
}
