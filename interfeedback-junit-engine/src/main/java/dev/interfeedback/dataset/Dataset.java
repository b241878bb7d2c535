package dev.interfeedback.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A loaded benchmark dataset.
 *
 * @param name a short name for reports
 * @param source the file it was read from
 * @param samples the samples, in file order, with unique ids; a JSONL dataset's are read from its
 *     file when asked for, so that a run holds only the samples it is working on
 */
public record Dataset(String name, Path source, List<Sample> samples) {

    public Dataset {
        // Samples read on demand are immutable already; a copy would read every one into memory.
        samples = samples instanceof JsonlSamples ? samples : List.copyOf(samples);
    }

    public int size() {
        return samples.size();
    }

    /** The samples at {@code positions}, in that order; read on demand if this dataset's are. */
    public Dataset select(int[] positions) {
        if (samples instanceof JsonlSamples stored) return new Dataset(name, source, stored.select(positions));
        List<Sample> chosen = new ArrayList<>(positions.length);
        for (int position : positions) chosen.add(samples.get(position));
        return new Dataset(name, source, chosen);
    }

    /** This dataset with every sample in memory, for a caller that reads each sample many times. */
    public Dataset inMemory() {
        return samples instanceof JsonlSamples ? new Dataset(name, source, new ArrayList<>(samples)) : this;
    }

    /** The line of {@link #source} that holds the sample at {@code index}, or empty when it is not a line of a JSONL file. */
    public OptionalInt line(int index) {
        return samples instanceof JsonlSamples stored ? OptionalInt.of(stored.line(index)) : OptionalInt.empty();
    }
}
