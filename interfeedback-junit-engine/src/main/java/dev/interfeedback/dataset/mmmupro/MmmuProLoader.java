package dev.interfeedback.dataset.mmmupro;

import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.DatasetException;
import dev.interfeedback.dataset.DatasetLoad;
import dev.interfeedback.dataset.DatasetProblem;
import dev.interfeedback.dataset.ImagePathResolver;
import dev.interfeedback.dataset.RowProblems;
import dev.interfeedback.dataset.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads MMMU-Pro as the publisher ships it: the Hugging Face parquet files of one config (a
 * {@code .parquet} file, or a config folder whose parquet shards are read in name order), or the
 * same columns as JSONL with image paths. Round-0 prompts are the official ones (see
 * {@link MmmuProPrompts}); sample ids are the dataset's {@code id}; the category is the subject.
 *
 * <p>A file without a required column fails at once, naming the column; bad rows are collected
 * and, by the {@link dev.interfeedback.dataset.BadRowPolicy}, fail the load together or are skipped
 * and reported in {@link DatasetLoad#skipped()}.
 */
public final class MmmuProLoader {

    static final List<String> STANDARD_COLUMNS = List.of("id", "question", "options", "answer", "image_1");
    static final List<String> VISION_COLUMNS = List.of("id", "image", "options", "answer");

    private final MmmuProOptions options;

    public MmmuProLoader(MmmuProOptions options) {
        this.options = options;
    }

    public DatasetLoad load(Path path) {
        List<Path> files = files(path);
        Path folder = (Files.isDirectory(path) ? path : path.toAbsolutePath().getParent()).toAbsolutePath().normalize();
        ImageFiles images = new ImageFiles(options.imageCache(), new ImagePathResolver(folder));
        Collector collector = new Collector(images, path);
        for (Path file : files) {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
                new JsonlRows().read(file, collector);
            } else {
                new ParquetRows().read(file, collector);
            }
            if (collector.problems.tooMany()) {
                break;
            }
        }
        List<DatasetProblem> skipped = collector.problems.finish();
        if (collector.samples.isEmpty()) {
            throw new DatasetException(List.of(new DatasetProblem(path, 0, 0, null, "no samples: "
                    + (skipped.isEmpty() && collector.excluded.isEmpty() ? "the files have no rows"
                    : "every row was skipped or excluded"))));
        }
        MmmuProConfig config = collector.config;
        String name = "mmmu-pro " + config.publishedName();
        return new DatasetLoad(new Dataset(name, path.toAbsolutePath().normalize(), collector.samples), skipped,
                collector.excluded, collector.warnings);
    }

    private static List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new DatasetException(List.of(new DatasetProblem(path, 0, 0, null, "cannot read the dataset: file not found")));
        }
        try (Stream<Path> children = Files.list(path)) {
            List<Path> parquet = children
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
            if (parquet.isEmpty()) {
                throw new DatasetException(List.of(new DatasetProblem(path, 0, 0, null,
                        "no .parquet files in this folder; point at a config folder such as \"standard (10 options)\"")));
            }
            return parquet;
        } catch (IOException e) {
            throw new DatasetException(new DatasetProblem(path, 0, 0, null, "cannot list the folder: " + e), e);
        }
    }

    /** Receives the rows of every file, builds the samples and keeps ids unique across files. */
    private final class Collector implements RowVisitor {
        final RowProblems problems = new RowProblems(options.badRows());
        final List<Sample> samples = new ArrayList<>();
        final List<String> excluded = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final Map<String, String> firstSeen = new HashMap<>();
        private final ImageFiles images;
        private final Path root;
        MmmuProConfig config;
        private MmmuProRowReader reader;

        Collector(ImageFiles images, Path root) {
            this.images = images;
            this.root = root;
            this.config = options.config();
        }

        @Override
        public void columns(Path file, Set<String> columns) {
            if (config == null) {
                config = detect(columns);
            }
            List<String> required = config.isVision() ? VISION_COLUMNS : STANDARD_COLUMNS;
            List<String> missing = required.stream().filter(c -> !columns.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new DatasetException(List.of(new DatasetProblem(file, 0, 0, missing.get(0),
                        "required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                                + " missing for the MMMU-Pro config \"" + config.publishedName()
                                + "\"; the file has " + String.join(", ", columns))));
            }
        }

        private MmmuProConfig detect(Set<String> columns) {
            if (columns.contains("image") && !columns.contains("question")) {
                return MmmuProConfig.VISION;
            }
            return MmmuProConfig.fromPath(root).orElse(MmmuProConfig.STANDARD_10);
        }

        @Override
        public boolean row(RawRow row) {
            if (reader == null) {
                if (config == null) {
                    config = detect(row.values().keySet());
                }
                reader = new MmmuProRowReader(config, options, images);
            }
            MmmuProRowReader.Outcome outcome = reader.read(row, problems);
            if (outcome.warning() != null) {
                warnings.add(outcome.warning());
            }
            if (outcome.excluded() != null) {
                excluded.add(outcome.excluded());
            } else if (outcome.sample() != null) {
                Sample sample = outcome.sample();
                String where = row.file().getFileName() + " row " + row.number();
                String first = firstSeen.putIfAbsent(sample.id(), where);
                if (first != null) {
                    problems.add(row.file(), row.number(), sample.id(), "id", "duplicate id, first used in " + first);
                } else {
                    samples.add(sample);
                }
            }
            return !problems.tooMany();
        }

        @Override
        public boolean unreadable(Path file, int number, String message) {
            problems.add(file, number, null, null, message);
            return !problems.tooMany();
        }
    }
}
