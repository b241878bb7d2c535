package dev.interfeedback.dataset;

import java.util.List;

/**
 * What a publisher-format loader read: the dataset, and what it left out and why.
 *
 * @param dataset the samples that loaded
 * @param skipped bad rows left out under {@link BadRowPolicy#SKIP}, each located by file, row and
 *     field; empty under {@link BadRowPolicy#FAIL}, which throws instead
 * @param excluded good rows a setting chose to leave out (for example MMMU-Pro samples with several
 *     images under the "skip" image policy), as {@code id: reason}
 */
public record DatasetLoad(Dataset dataset, List<DatasetProblem> skipped, List<String> excluded) {

    public DatasetLoad {
        skipped = List.copyOf(skipped);
        excluded = List.copyOf(excluded);
    }

    /** One line for a log or a report: how many loaded, skipped and excluded. */
    public String summary() {
        return dataset.name() + ": " + dataset.size() + " samples loaded, " + skipped.size() + " bad rows skipped, "
                + excluded.size() + " excluded by settings";
    }
}
