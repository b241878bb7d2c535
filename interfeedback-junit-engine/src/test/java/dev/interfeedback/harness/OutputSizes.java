package dev.interfeedback.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a run left in its output directory, by output: bytes and files of each. */
final class OutputSizes {

    private static final List<String> OUTPUTS = List.of("episodes.jsonl", "results.json", "transcripts", "junit-xml",
            "open-test-reporting", "report", "round-zero");

    private OutputSizes() {}

    static String of(Path out) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : OUTPUTS) {
            Path path = out.resolve(name);
            if (!Files.exists(path)) continue;
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
            }
            long bytes = 0;
            for (Path file : files) bytes += Files.size(file);
            if (text.length() > 0) text.append(", ");
            text.append(String.format(Locale.ROOT, "%s %.1f MB", name, bytes / 1e6));
            if (Files.isDirectory(path)) text.append(" (").append(files.size()).append(" files)");
        }
        return text.toString();
    }
}
