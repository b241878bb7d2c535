package dev.interfeedback.model.batch;

import java.io.IOException;

/** A batch output file that cannot be read back: malformed, or answering the requests of another input file. */
public final class BatchFileException extends IOException {

    private static final long serialVersionUID = 1L;

    BatchFileException(String message) {
        super(message);
    }
}
