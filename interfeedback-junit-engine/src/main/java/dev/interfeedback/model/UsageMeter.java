package dev.interfeedback.model;

import java.util.concurrent.atomic.LongAdder;

/**
 * Tokens spent by one model, counted as its calls return. For a model whose calls belong to no
 * episode (a judge called by the verifier), this is the only place its tokens are seen.
 */
public final class UsageMeter {

    private final LongAdder prompt = new LongAdder();
    private final LongAdder completion = new LongAdder();

    public void add(Usage usage) {
        prompt.add(usage.promptTokens());
        completion.add(usage.completionTokens());
    }

    public Usage total() {
        return new Usage(prompt.sum(), completion.sum());
    }
}
