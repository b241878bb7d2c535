package dev.interfeedback.model;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Tokens spent by one model, counted as its calls return. For a model whose calls belong to no
 * episode (a judge called by the verifier), this is the only place its tokens are seen.
 */
public final class UsageMeter {

    private final AtomicReference<Usage> total = new AtomicReference<>(Usage.NONE);

    public void add(Usage usage) {
        total.accumulateAndGet(usage, Usage::plus);
    }

    public Usage total() {
        return total.get();
    }
}
