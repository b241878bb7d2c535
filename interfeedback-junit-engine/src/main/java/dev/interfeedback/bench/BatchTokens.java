package dev.interfeedback.bench;

import dev.interfeedback.model.Usage;

/**
 * The tokens of the calls a batch answered, by role: billed at the batch discount. They are part of
 * the role's tokens, not in addition to them.
 */
public record BatchTokens(Usage receiver, Usage provider, Usage judge) {

    public static final BatchTokens NONE = new BatchTokens(Usage.NONE, Usage.NONE, Usage.NONE);

    public BatchTokens {
        receiver = receiver == null ? Usage.NONE : receiver;
        provider = provider == null ? Usage.NONE : provider;
        judge = judge == null ? Usage.NONE : judge;
    }

    public BatchTokens plus(BatchTokens other) {
        return new BatchTokens(receiver.plus(other.receiver), provider.plus(other.provider), judge.plus(other.judge));
    }
}
