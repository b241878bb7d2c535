package dev.interfeedback.maven.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code counts} of a benchmark or category in results.json: a partition of the samples.
 *
 * <pre>
 * samples       = correctAtRound0 + wrongAtRound0 + errorsAtRound0
 * wrongAtRound0 = excluded + testSet + errorsAfterRound0
 * testSet       = corrected + notCorrected
 * errors        = errorsAtRound0 + errorsAfterRound0
 * </pre>
 */
public record Counts(long samples, long correctAtRound0, long wrongAtRound0, long errorsAtRound0, long excluded,
        long testSet, long errorsAfterRound0, long corrected, long notCorrected, long errors) {

    /** The fields of {@code counts}, in the order of the components. */
    static final List<String> FIELDS = List.of("samples", "correctAtRound0", "wrongAtRound0", "errorsAtRound0",
            "excluded", "testSet", "errorsAfterRound0", "corrected", "notCorrected", "errors");

    /** Each line of the partition: the total's field, then its parts. */
    static final List<List<String>> PARTITION = List.of(
            List.of("samples", "correctAtRound0", "wrongAtRound0", "errorsAtRound0"),
            List.of("wrongAtRound0", "excluded", "testSet", "errorsAfterRound0"),
            List.of("testSet", "corrected", "notCorrected"),
            List.of("errors", "errorsAtRound0", "errorsAfterRound0"));

    /** The counts by their field names, in the order of {@link #FIELDS}. */
    Map<String, Long> byField() {
        long[] v = {samples, correctAtRound0, wrongAtRound0, errorsAtRound0, excluded, testSet, errorsAfterRound0,
                corrected, notCorrected, errors};
        Map<String, Long> values = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) values.put(FIELDS.get(i), v[i]);
        return values;
    }

    /** @param values every one of {@link #FIELDS} */
    static Counts of(Map<String, Long> values) {
        long[] v = FIELDS.stream().mapToLong(values::get).toArray();
        return new Counts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }
}
