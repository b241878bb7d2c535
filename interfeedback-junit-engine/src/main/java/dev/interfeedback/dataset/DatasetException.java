package dev.interfeedback.dataset;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A dataset could not be loaded. Unchecked: a broken dataset is a configuration error the caller
 * cannot recover from, only report; the message is meant to be shown to a person as is.
 *
 * <p>Carries every problem found (up to the loader's limit), so one run shows them all.
 */
public class DatasetException extends RuntimeException {

    private final List<DatasetProblem> problems;

    public DatasetException(List<DatasetProblem> problems) {
        this(problems, false, null);
    }

    DatasetException(List<DatasetProblem> problems, boolean truncated, Throwable cause) {
        super(format(problems, truncated), cause);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a DatasetException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public DatasetException(DatasetProblem problem, Throwable cause) {
        this(List.of(problem), false, cause);
    }

    /** The problems, in file order. */
    public List<DatasetProblem> problems() {
        return problems;
    }

    private static String format(List<DatasetProblem> problems, boolean truncated) {
        if (problems.size() == 1 && !truncated) {
            return problems.get(0).toString();
        }
        String header = problems.size() + " problems in " + problems.get(0).file()
                + (truncated ? " (stopped reading there)" : "") + ":";
        return problems.stream()
                .map(p -> "  " + p)
                .collect(Collectors.joining(System.lineSeparator(), header + System.lineSeparator(), ""));
    }
}
