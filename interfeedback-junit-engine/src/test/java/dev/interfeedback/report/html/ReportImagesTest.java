package dev.interfeedback.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copies of the samples' images for the report: once per bytes, whole, readable by whoever serves the report. */
class ReportImagesTest {

    private static final Path PNG = Path.of("src/test/resources/mmmu-pro/images/validation_Clinical_Medicine_2_1.png");

    @TempDir
    Path dir;

    @Test
    void anImageIsCopiedOnceUnderTheDigestOfItsBytesWhateverItsPathOrHowManyThreadsAsk() throws Exception {
        Path same = Files.copy(PNG, dir.resolve("same.png"));
        ReportImages images = ReportImages.in(dir.resolve("out"));

        List<String> names = IntStream.range(0, 64).parallel()
                .mapToObj(i -> images.copy(i % 2 == 0 ? PNG : same).orElseThrow()).distinct().toList();

        String expected = "images/" + ReportImages.digest(Files.readAllBytes(PNG)) + ".png";
        assertThat(names).containsExactly(expected);
        assertThat(folderOf(dir.resolve("out"))).containsExactly(expected.substring("images/".length()));
        assertThat(dir.resolve("out/report").resolve(expected)).hasSameBinaryContentAs(PNG);
    }

    @Test
    void aCopyCutShortByAnEarlierRunIsWrittenAgain() throws Exception {
        byte[] bytes = Files.readAllBytes(PNG);
        Path target = dir.resolve("out/report/images/" + ReportImages.digest(bytes) + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, Arrays.copyOf(bytes, 100));

        assertThat(ReportImages.in(dir.resolve("out")).copy(PNG)).isPresent();

        assertThat(target).hasSameBinaryContentAs(PNG);
        assertThat(folderOf(dir.resolve("out"))).as("no temporary file left").hasSize(1);
    }

    @Test
    void copiesAreReadableByOthersAsTheRestOfTheReportIs() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        String name = ReportImages.in(dir.resolve("out")).copy(PNG).orElseThrow();

        assertThat(Files.getPosixFilePermissions(dir.resolve("out/report").resolve(name)))
                .containsAll(Files.getPosixFilePermissions(Files.writeString(dir.resolve("out/report/other.txt"), "x")));
    }

    @Test
    void whatIsNoImageIsNotCopied() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");

        assertThat(ReportImages.in(dir.resolve("out")).copy(text)).isEmpty();
        assertThat(ReportImages.in(dir.resolve("out")).copy(dir.resolve("missing.png"))).isEmpty();
        assertThat(dir.resolve("out/report/images")).doesNotExist();
    }

    private static List<String> folderOf(Path output) throws Exception {
        try (Stream<Path> files = Files.list(output.resolve("report/images"))) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
