package dev.interfeedback.testing;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Usage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/** A model that answers from a script, in order, and records what it was sent. */
public final class ScriptedModel implements ChatModel {

    private final String alias;
    private final Deque<Object> script = new ConcurrentLinkedDeque<>();
    private final List<ChatRequest> requests = Collections.synchronizedList(new ArrayList<>());

    public ScriptedModel(String alias, Object... answers) {
        this.alias = alias;
        for (Object answer : answers) script.add(answer);
    }

    /** Scripted answers are texts, or a {@link ModelException} to throw. */
    @Override
    public ChatResponse chat(ChatRequest request) throws ModelException {
        requests.add(request);
        Object next = script.poll();
        if (next == null) throw new AssertionError("the script of " + alias + " ran out at request " + requests.size());
        if (next instanceof ModelException e) throw e;
        return new ChatResponse((String) next, new Usage(10, 2));
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo(alias, "scripted", false);
    }

    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }
}
