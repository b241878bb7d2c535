package dev.interfeedback.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of the rows of a publisher-format file and applies the {@link BadRowPolicy}
 * at the end: one exception with every problem, or the list of skipped rows. Problems name the
 * row's id as well as its number when the id is known, since parquet rows have no line a person
 * can open in an editor.
 */
public final class RowProblems {

    private final BadRowPolicy policy;
    private final List<DatasetProblem> problems = new ArrayList<>();

    public RowProblems(BadRowPolicy policy) {
        this.policy = policy;
    }

    /** Records a problem of row {@code row} (1-based) in {@code file}; {@code id} may be null. */
    public void add(Path file, int row, String id, String field, String message) {
        String located = id == null ? message : message + " (row id \"" + id + "\")";
        problems.add(new DatasetProblem(file, row, 0, field, located));
    }

    public int size() {
        return problems.size();
    }

    /** Whether a loader under FAIL should stop reading: past this many, the file is likely in another format. */
    public boolean tooMany() {
        return policy == BadRowPolicy.FAIL && problems.size() >= JsonlDatasetLoader.MAX_PROBLEMS;
    }

    /** Throws under FAIL when any row was bad; returns the skipped rows under SKIP. */
    public List<DatasetProblem> finish() {
        if (policy == BadRowPolicy.FAIL && !problems.isEmpty()) {
            throw new DatasetException(problems, tooMany(), null);
        }
        return List.copyOf(problems);
    }
}
