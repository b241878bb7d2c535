package dev.interfeedback.junit;

import dev.interfeedback.config.ConfigurationException;
import dev.interfeedback.config.MatrixCells;
import dev.interfeedback.config.Settings;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The cells of a benchmark class (see {@link MatrixCells}). Each axis is the list key's
 * ({@code interfeedback.receivers}), else the annotation's list, else one value: the single
 * setting's ({@code interfeedback.receiver}, then the annotation's {@code receiver}, then the
 * default). The single key does not collapse a list in the annotation: projects set it in
 * {@code junit-platform.properties} for their plain benchmarks.
 */
final class Matrix {

    /** The unique-id segment type of a cell: its value is {@link MatrixCells#key}. */
    static final String SEGMENT = "cell";

    private Matrix() {}

    /** The cells in table order: receivers are rows, then providers, then feedback kinds. */
    static List<MatrixCells.Cell> cells(ConfigurationParameters parameters, InterFeedbackBenchmark annotation) {
        return MatrixCells.combine(
                axis(parameters, Settings.RECEIVERS, annotation.receivers(), annotation.receiver(), "receiver"),
                axis(parameters, Settings.PROVIDERS, annotation.providers(), annotation.provider(), "provider"),
                axis(parameters, Settings.FEEDBACKS, annotation.feedbacks(), annotation.feedback(), "feedback"));
    }

    private static List<String> axis(ConfigurationParameters parameters, String listKey,
            String[] listAttribute, String singleAttribute, String name) {
        Optional<String> list = parameters.get(listKey).filter(v -> !v.isBlank());
        if (list.isPresent()) return MatrixCells.values(Arrays.asList(list.get().split(",")), listKey);
        if (listAttribute.length > 0) {
            if (!singleAttribute.isBlank()) {
                throw new ConfigurationException("@InterFeedbackBenchmark sets both " + name + " and " + name
                        + "s; set one of them");
            }
            return MatrixCells.values(Arrays.asList(listAttribute), "@InterFeedbackBenchmark(" + name + "s)");
        }
        return MatrixCells.keep();
    }
}
