package dev.interfeedback.model.batch;

import dev.interfeedback.model.ModelException;

/** A call left for the next batch wave: seen only by the dry passes that collect a wave's calls. */
public final class DeferredCallException extends ModelException {

    private static final long serialVersionUID = 1L;

    DeferredCallException(String alias) {
        super("model '" + alias + "': the call waits for the next batch");
    }
}
