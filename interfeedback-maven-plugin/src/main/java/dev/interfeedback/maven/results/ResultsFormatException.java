package dev.interfeedback.maven.results;

import java.io.IOException;
import java.nio.file.Path;

/** A results or baseline file that is not what it should be. Names the file and the field. */
public class ResultsFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ResultsFormatException(Path file, String message) {
        super(file + ": " + message);
    }

    public ResultsFormatException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
    }
}
