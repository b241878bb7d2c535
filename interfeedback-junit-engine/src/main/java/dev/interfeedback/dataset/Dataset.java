package dev.interfeedback.dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded benchmark dataset.
 *
 * @param name a short name for reports
 * @param source the file it was read from
 * @param samples the samples, in file order, with unique ids
 */
public record Dataset(String name, Path source, List<Sample> samples) {

    public Dataset {
        samples = List.copyOf(samples);
    }

    public int size() {
        return samples.size();
    }
}
