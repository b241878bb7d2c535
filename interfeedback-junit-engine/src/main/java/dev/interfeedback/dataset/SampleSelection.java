package dev.interfeedback.dataset;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Narrows a dataset to a subset: metadata filters (MathVerse version, subject; MMMU-Pro subject,
 * difficulty), then at most {@code limit} samples chosen by a seeded hash of each sample's id.
 *
 * <p>The choice depends only on the seed and the ids, never on file order or on which other
 * samples are present, so a CI run with a limit always asks the same questions, and adding a row
 * to the dataset changes the chosen subset by at most one sample. The chosen samples keep their
 * dataset order.
 *
 * @param filters metadata key (or {@value #CATEGORY}) to the accepted values, compared ignoring
 *     case; a sample passes when, for every key, its value (or one of its values, for a list) is
 *     accepted
 * @param limit the largest number of samples to keep, or empty for all
 * @param seed the seed of the choice
 */
public record SampleSelection(Map<String, Set<String>> filters, OptionalInt limit, long seed) {

    public static final long DEFAULT_SEED = 0;

    public static final SampleSelection ALL = new SampleSelection(Map.of(), OptionalInt.empty(), DEFAULT_SEED);

    public SampleSelection {
        Map<String, Set<String>> lowered = new LinkedHashMap<>();
        filters.forEach((key, values) -> lowered.put(key, values.stream()
                .map(v -> v.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet())));
        filters = java.util.Collections.unmodifiableMap(lowered);
        Objects.requireNonNull(limit, "limit");
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new IllegalArgumentException("a sample limit must be at least 1, found " + limit.getAsInt());
        }
    }

    /** This selection with one more filter. */
    public SampleSelection where(String metadataKey, Set<String> accepted) {
        Map<String, Set<String>> more = new LinkedHashMap<>(filters);
        more.put(metadataKey, accepted);
        return new SampleSelection(more, limit, seed);
    }

    public SampleSelection limitedTo(int max, long withSeed) {
        return new SampleSelection(filters, OptionalInt.of(max), withSeed);
    }

    public Dataset apply(Dataset dataset) {
        if (filters.isEmpty() && limit.isEmpty()) return dataset;
        // Positions and ids, never the samples: a dataset read on demand stays so.
        List<Integer> kept = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < dataset.size(); i++) {
            Sample sample = dataset.samples().get(i);
            if (accepts(sample)) {
                kept.add(i);
                ids.add(sample.id());
            }
        }
        if (limit.isPresent() && kept.size() > limit.getAsInt()) {
            Set<String> chosen = ids.stream()
                    .sorted(Comparator.comparingLong(this::rank).thenComparing(Comparator.naturalOrder()))
                    .limit(limit.getAsInt())
                    .collect(Collectors.toCollection(HashSet::new));
            List<Integer> limited = new ArrayList<>();
            for (int i = 0; i < kept.size(); i++) if (chosen.contains(ids.get(i))) limited.add(kept.get(i));
            kept = limited;
        }
        return dataset.select(kept.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The filter key that matches {@link Sample#category()} rather than a metadata field. */
    public static final String CATEGORY = "category";

    public boolean accepts(Sample sample) {
        for (Map.Entry<String, Set<String>> filter : filters.entrySet()) {
            Object value = CATEGORY.equals(filter.getKey()) ? sample.category() : sample.metadata().get(filter.getKey());
            if (!filter.getValue().isEmpty() && !matches(value, filter.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Object value, Set<String> accepted) {
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(v -> matches(v, accepted));
        }
        return value != null && accepted.contains(value.toString().strip().toLowerCase(Locale.ROOT));
    }

    /** FNV-1a over the id's UTF-8 bytes, mixed with the seed by SplitMix64's finalizer: stable across JVMs. */
    long rank(String id) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        long z = hash + seed * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
