package dev.interfeedback.dataset.mmmupro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.dataset.BadRowPolicy;
import dev.interfeedback.dataset.DatasetException;
import dev.interfeedback.dataset.DatasetLoad;
import dev.interfeedback.dataset.DatasetProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad data is an error naming the file, the row (and its id) and the field. */
class MmmuProBadDataTest {

    private static final Path IMAGE = ParquetFixtures.REAL.resolve("images/test_History_1_1.png");

    @TempDir
    Path temp;

    @Test
    void aMissingColumnFailsTheFileNamingTheColumn() throws Exception {
        Map<String, Object> row = ParquetFixtures.standardRow("test_History_9", "Q <image 1>", "['a', 'b']", "A", IMAGE);
        row.remove("answer");
        Path file = ParquetFixtures.write(temp.resolve("no-answer.parquet"), List.of(row));

        assertThatThrownBy(() -> loader(BadRowPolicy.SKIP).load(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("field \"answer\": required column answer missing for the MMMU-Pro config");
    }

    @Test
    void badRowsAreReportedTogetherWithRowIdAndField() throws Exception {
        Path file = ParquetFixtures.write(temp.resolve("bad.parquet"), List.of(
                ParquetFixtures.standardRow("good_1", "Q <image 1>", "['a', 'b']", "A", IMAGE),
                ParquetFixtures.standardRow("bad_options", "Q <image 1>", "['a', 'b'", "A", IMAGE),
                ParquetFixtures.standardRow("bad_answer", "Q <image 1>", "['a', 'b']", "C", IMAGE),
                ParquetFixtures.standardRow("bad_token", "Q <image 1> and <image 2>", "['a', 'b']", "A", IMAGE)));

        DatasetException failure = (DatasetException) org.assertj.core.api.Assertions.catchThrowable(
                () -> loader(BadRowPolicy.FAIL).load(file));

        assertThat(failure.problems()).extracting(DatasetProblem::line, DatasetProblem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "options"),
                org.assertj.core.groups.Tuple.tuple(3, "answer"),
                org.assertj.core.groups.Tuple.tuple(4, "image_2"));
        assertThat(failure.problems().get(0).toString()).startsWith(file + ":2: field \"options\": not a Python list")
                .endsWith("(row id \"bad_options\")");
        assertThat(failure.problems().get(1).message())
                .startsWith("expected an option letter A-B (the row has 2 options), found \"C\"");
        assertThat(failure.problems().get(2).message())
                .startsWith("the question refers to <image 2>, but image_2 is empty");
    }

    @Test
    void skipPolicyLeavesBadRowsOutAndCountsThem() throws Exception {
        Path file = ParquetFixtures.write(temp.resolve("bad.parquet"), List.of(
                ParquetFixtures.standardRow("good_1", "Q <image 1>", "['a', 'b']", "A", IMAGE),
                ParquetFixtures.standardRow("bad_answer", "Q <image 1>", "['a', 'b']", "Z", IMAGE)));

        DatasetLoad load = loader(BadRowPolicy.SKIP).load(file);

        assertThat(load.dataset().samples()).extracting(s -> s.id()).containsExactly("good_1");
        assertThat(load.skipped()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("answer"));
        assertThat(load.summary()).endsWith("1 samples loaded, 1 bad rows skipped, 0 excluded by settings");
    }

    @Test
    void missingImageFilesAndPathsLeavingTheFolderAreBadRows() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("data"));
        Files.copy(IMAGE, folder.resolve("ok.png"));
        Files.copy(IMAGE, temp.resolve("outside.png"));
        Path file = folder.resolve("rows.jsonl");
        Files.writeString(file, String.join("\n",
                line("ok", "ok.png"), line("missing", "nope.png"), line("escape", "../outside.png"), line("absolute", "/etc/passwd")));

        DatasetException failure = (DatasetException) org.assertj.core.api.Assertions.catchThrowable(
                () -> loader(BadRowPolicy.FAIL).load(file));

        assertThat(failure.problems()).extracting(DatasetProblem::line).containsExactly(2, 3, 4);
        assertThat(failure.problems()).allSatisfy(p -> assertThat(p.field()).isEqualTo("image_1"));
        assertThat(failure.problems().get(0).message()).contains("image file not found: \"nope.png\"");
        assertThat(failure.problems().get(1).message()).contains("leaves the dataset folder");
        assertThat(failure.problems().get(2).message()).contains("is an absolute path");
    }

    @Test
    void imageBytesThatAreNoImageAreABadRow() throws Exception {
        Path notAnImage = Files.writeString(temp.resolve("text.png"), "hello");
        Path file = ParquetFixtures.write(temp.resolve("x.parquet"), List.of(
                ParquetFixtures.standardRow("t1", "Q <image 1>", "['a', 'b']", "A", notAnImage)));

        assertThatThrownBy(() -> loader(BadRowPolicy.FAIL).load(file))
                .hasMessageContaining(":1: field \"image_1\": the image bytes are not a PNG, JPEG, GIF or WebP image");
    }

    @Test
    void duplicateIdsAndUnreadableFilesAreReported() throws Exception {
        Path file = ParquetFixtures.write(temp.resolve("dup.parquet"), List.of(
                ParquetFixtures.standardRow("same", "Q <image 1>", "['a', 'b']", "A", IMAGE),
                ParquetFixtures.standardRow("same", "Q <image 1>", "['a', 'b']", "B", IMAGE)));
        assertThatThrownBy(() -> loader(BadRowPolicy.FAIL).load(file))
                .hasMessageContaining(":2: field \"id\": duplicate id, first used in dup.parquet row 1");

        Path junk = Files.writeString(temp.resolve("junk.parquet"), "not parquet");
        assertThatThrownBy(() -> loader(BadRowPolicy.SKIP).load(junk))
                .isInstanceOf(DatasetException.class).hasMessageContaining("cannot read as parquet");
    }

    private MmmuProLoader loader(BadRowPolicy policy) {
        return new MmmuProLoader(MmmuProOptions.defaults(temp.resolve("cache")).withBadRows(policy));
    }

    private static String line(String id, String image) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("question", "What is <image 1>?");
        row.put("options", "['a', 'b']");
        row.put("answer", "A");
        row.put("subject", "Art");
        row.put("image_1", image);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(row);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
