package dev.interfeedback.bench;

import dev.interfeedback.model.Usage;

/**
 * The part of a matrix cell's tokens spent on round-0 answers that another cell of the matrix
 * asked for: the cell reports every token of its answers (as if it ran alone), and these were
 * billed once, to the cell that asked first. A run's total counts a cell's tokens less these.
 *
 * @param receiver of the receiver's tokens
 * @param provider of the provider's tokens
 */
public record SharedRoundZeroTokens(Usage receiver, Usage provider) {

    public static final SharedRoundZeroTokens NONE = new SharedRoundZeroTokens(Usage.NONE, Usage.NONE);

    public SharedRoundZeroTokens {
        receiver = receiver == null ? Usage.NONE : receiver;
        provider = provider == null ? Usage.NONE : provider;
    }

    public SharedRoundZeroTokens plus(SharedRoundZeroTokens other) {
        return new SharedRoundZeroTokens(receiver.plus(other.receiver), provider.plus(other.provider));
    }
}
