package dev.interfeedback.cli;

import dev.interfeedback.config.ConfigurationException;
import dev.interfeedback.config.Settings;
import dev.interfeedback.dataset.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmark id of each dataset of a run: its name, or, where two datasets have one name
 * ({@code a/ds.jsonl}, {@code b/ds.jsonl}), its folder's name before it ({@code a-ds},
 * {@code b-ds}). Ids key the results, the episodes and the journals, so they must differ.
 */
final class BenchmarkIds {

    private BenchmarkIds() {}

    static List<String> of(List<Dataset> datasets) {
        Map<String, Long> names = datasets.stream().collect(Collectors.groupingBy(Dataset::name, Collectors.counting()));
        List<String> ids = new ArrayList<>();
        Map<String, Path> sourceOfId = new HashMap<>();
        for (Dataset dataset : datasets) {
            String id = names.get(dataset.name()) == 1 ? dataset.name() : folder(dataset) + "-" + dataset.name();
            Path other = sourceOfId.putIfAbsent(id, dataset.source());
            if (other != null) {
                throw new ConfigurationException(Settings.DATASET + ": " + other + " and " + dataset.source()
                        + (other.equals(dataset.source()) ? " are the same dataset, listed twice" : " would both be benchmark "
                                + id + "; rename one of the files or folders"));
            }
            ids.add(id);
        }
        return ids;
    }

    private static String folder(Dataset dataset) {
        Path parent = dataset.source().toAbsolutePath().normalize().getParent();
        return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    }
}
