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
 * @param warnings rows loaded, but not read as published (an MMMU-Pro options string holding a
 *     nested list, read as the official evaluator reads it), each naming its file, row and id
 */
public record DatasetLoad(Dataset dataset, List<DatasetProblem> skipped, List<String> excluded, List<String> warnings) {

    public DatasetLoad {
        skipped = List.copyOf(skipped);
        excluded = List.copyOf(excluded);
        warnings = List.copyOf(warnings);
    }

    /** One line for a log or a report: how many loaded, skipped and excluded, and the warnings. */
    public String summary() {
        return dataset.name() + ": " + dataset.size() + " samples loaded, " + skipped.size() + " bad rows skipped, "
                + excluded.size() + " excluded by settings"
                + (warnings.isEmpty() ? "" : "; warning: " + String.join("; warning: ", warnings));
    }
}
