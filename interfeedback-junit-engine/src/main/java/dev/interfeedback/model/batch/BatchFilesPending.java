package dev.interfeedback.model.batch;

import java.io.IOException;

/**
 * A run in file mode stops here: a wave's input files are written and wait to be answered on the
 * model's own servers; the message says which command to run, and the next run continues.
 */
public final class BatchFilesPending extends IOException {

    private static final long serialVersionUID = 1L;

    BatchFilesPending(String message) {
        super(message);
    }
}
