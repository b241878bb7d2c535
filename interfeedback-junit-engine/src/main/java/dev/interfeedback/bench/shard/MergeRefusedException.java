package dev.interfeedback.bench.shard;

/** Shard outputs that cannot be merged into the result of one unsharded run; the message names the shard and why. */
public final class MergeRefusedException extends RuntimeException {

    public MergeRefusedException(String message) {
        super(message);
    }

    public MergeRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
