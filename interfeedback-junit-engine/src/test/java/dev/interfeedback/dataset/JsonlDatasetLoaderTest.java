package dev.interfeedback.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("unchecked")
class JsonlDatasetLoaderTest {

    @TempDir
    Path dir;

    private final JsonlDatasetLoader loader = new JsonlDatasetLoader();

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private Path image(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        return file;
    }

    private DatasetException loadFails(Path file) {
        try {
            loader.load(file);
        } catch (DatasetException e) {
            return e;
        }
        throw new AssertionError("expected a DatasetException for " + file);
    }

    @Test
    void loadsMultipleChoiceWithImagesAndFreeFormWithout() throws IOException {
        Path png = image("images/a.png");
        Path file = write("data.jsonl",
                "{\"id\": \"q1\", \"question\": \"What is shown?\", \"images\": [\"images/a.png\"],"
                        + " \"options\": [\"cat\", \"dog\", \"bird\"], \"answer\": \"B\", \"category\": \"Animals\","
                        + " \"metadata\": {\"difficulty\": \"Easy\", \"tags\": [\"x\", 1, 2.5, true, null], \"n\": 3, \"gone\": null}}",
                "",
                "   ",
                "{\"id\": \"q2\", \"question\": \"2+2?\", \"answer\": 4}");

        Dataset dataset = loader.load(file);

        assertThat(dataset.name()).isEqualTo("data");
        assertThat(dataset.source()).isEqualTo(file.toAbsolutePath().normalize());
        assertThat(dataset.samples()).hasSize(2);

        Sample q1 = dataset.samples().get(0);
        assertThat(q1.id()).isEqualTo("q1");
        assertThat(q1.question()).isEqualTo("What is shown?");
        assertThat(q1.images()).containsExactly(png.toRealPath());
        assertThat(q1.options()).containsExactly("cat", "dog", "bird");
        assertThat(q1.isMultipleChoice()).isTrue();
        assertThat(q1.answer()).isEqualTo("B");
        assertThat(q1.category()).isEqualTo("Animals");
        assertThat(q1.metadata()).containsEntry("difficulty", "Easy").containsEntry("n", 3).doesNotContainKey("gone");
        assertThat((List<Object>) q1.metadata().get("tags")).containsExactly("x", 1, 2.5, true, null);

        Sample q2 = dataset.samples().get(1);
        assertThat(q2.answer()).isEqualTo("4");
        assertThat(q2.images()).isEmpty();
        assertThat(q2.options()).isEmpty();
        assertThat(q2.isMultipleChoice()).isFalse();
        assertThat(q2.category()).isEqualTo("uncategorized");
        assertThat(q2.metadata()).isEmpty();
    }

    @Test
    void numericAnswerKeepsItsWrittenForm() throws IOException {
        Path file = write("nums.jsonl",
                "{\"id\": \"a\", \"question\": \"q\", \"answer\": 2.50}",
                "{\"id\": \"b\", \"question\": \"q\", \"answer\": -7}");
        assertThat(loader.load(file).samples()).extracting(Sample::answer).containsExactly("2.50", "-7");
    }

    @Test
    void nameDropsOnlyTheLastExtension() throws IOException {
        Path file = write("mmmu.pro.v2.jsonl", "{\"id\": \"a\", \"question\": \"q\", \"answer\": \"x\"}");
        assertThat(loader.load(file).name()).isEqualTo("mmmu.pro.v2");
        assertThat(loader.load(file, "custom").name()).isEqualTo("custom");
    }

    @Test
    void toleratesByteOrderMarkOnFirstLine() throws IOException {
        Path file = dir.resolve("bom.jsonl");
        Files.writeString(file, "\uFEFF{\"id\": \"a\", \"question\": \"q\", \"answer\": \"x\"}\r\n"
                + "{\"id\": \"b\", \"question\": \"q\", \"answer\": \"y\"}\r\n", StandardCharsets.UTF_8);
        assertThat(loader.load(file).samples()).extracting(Sample::id).containsExactly("a", "b");
    }

    @Test
    void wrongTypeNamesFileLineFieldAndExpectation() throws IOException {
        Path file = write("data.jsonl",
                "{\"id\": \"a\", \"question\": \"q\", \"answer\": \"x\"}",
                "{\"id\": \"b\", \"question\": \"q\", \"answer\": \"A\", \"options\": 3}");
        assertThat(loadFails(file))
                .hasMessageEndingWith("data.jsonl:2: field \"options\": expected an array of strings, found a number");
    }

    @Test
    void nonStringOptionNamesItsIndex() throws IOException {
        Path file = write("data.jsonl", "{\"id\": \"b\", \"question\": \"q\", \"answer\": \"A\", \"options\": [\"x\", 2]}");
        assertThat(loadFails(file)).hasMessageContaining("data.jsonl:1: field \"options\": ")
                .hasMessageContaining("found a number at index 1");
    }

    @Test
    void missingRequiredFieldsAreAllReported() throws IOException {
        Path file = write("data.jsonl", "{\"images\": []}");
        DatasetException e = loadFails(file);
        assertThat(e.problems()).extracting(DatasetProblem::field).containsExactly("id", "question", "answer");
        assertThat(e.problems()).allSatisfy(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.toString()).contains("data.jsonl:1: field \"" + p.field() + "\": required field is missing");
        });
    }

    @Test
    void blankIdAndNonStringIdAreRejected() throws IOException {
        Path file = write("data.jsonl",
                "{\"id\": \"  \", \"question\": \"q\", \"answer\": \"x\"}",
                "{\"id\": 12, \"question\": \"q\", \"answer\": \"x\"}",
                "{\"id\": \"c\", \"question\": \"q\", \"answer\": true}");
        assertThat(loadFails(file).getMessage())
                .contains("data.jsonl:1: field \"id\": expected a non-blank string")
                .contains("data.jsonl:2: field \"id\": expected a string, found a number")
                .contains("data.jsonl:3: field \"answer\": expected a string or a number, found a boolean");
    }

    @Test
    void anEmptyQuestionIsRejectedWithFileLineAndField() throws IOException {
        Path file = write("data.jsonl",
                "{\"id\": \"a\", \"question\": \"q\", \"answer\": \"x\"}",
                "{\"id\": \"b\", \"question\": \"\", \"answer\": \"x\"}",
                "{\"id\": \"c\", \"question\": \" \\n \", \"answer\": \"x\"}");
        assertThat(loadFails(file).getMessage())
                .contains("data.jsonl:2: field \"question\": expected a non-blank string, found \"\"")
                .contains("data.jsonl:3: field \"question\": expected a non-blank string");
    }

    @Test
    void anImageWhoseBytesAreNotWhatItsNameSaysIsABadRowNamedAtLoad() throws IOException {
        image("images/real.png");
        Files.writeString(dir.resolve("images/notes.png"), "not an image at all");
        Files.write(dir.resolve("images/photo.png"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});
        Path file = write("data.jsonl",
                "{\"id\": \"a\", \"question\": \"q\", \"answer\": \"x\", \"images\": [\"images/real.png\"]}",
                "{\"id\": \"b\", \"question\": \"q\", \"answer\": \"x\", \"images\": [\"images/notes.png\"]}",
                "{\"id\": \"c\", \"question\": \"q\", \"answer\": \"x\", \"images\": [\"images/photo.png\"]}");

        assertThat(loadFails(file).getMessage())
                .contains("data.jsonl:2").contains("images/notes.png").contains("no PNG, JPEG, GIF or WebP image")
                .contains("data.jsonl:3").contains("images/photo.png").contains("holds a JPEG image")
                .doesNotContain("data.jsonl:1");
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        Path file = write("data.jsonl",
                "{\"id\": \"a\", \"question\": \"q\", \"answer\": \"x\"}",
                "{\"id\": \"b\", \"question\": \"q\" \"answer\": \"x\"}");
        DatasetException e = loadFails(file);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isPositive();
        });
        assertThat(e).hasMessageContaining("data.jsonl:2:").hasMessageContaining("malformed JSON");
    }

    @Test
    void twoObjectsOnOneLineAndRepeatedKeysAreMalformed() throws IOException {
        Path file = write("data.jsonl",
                "{\"id\": \"a\", \"question\": \"q\", \"answer\": \"x\"} {\"id\": \"b\"}",
                "{\"id\": \"c\", \"question\": \"q\", \"answer\": \"x\", \"answer\": \"y\"}");
        DatasetException e = loadFails(file);
        assertThat(e.problems()).extracting(DatasetProblem::line).containsExactly(1, 2);
        assertThat(e.getMessage()).contains("Duplicate field 'answer'");
    }

    @Test
    void rowThatIsNotAnObjectIsRejected() throws IOException {
        Path file = write("data.jsonl", "[1, 2]");
        assertThat(loadFails(file)).hasMessageEndingWith("data.jsonl:1: expected a JSON object, found an array");
    }

    @Test
    void duplicateIdNamesBothLines() throws IOException {
        Path file = write("data.jsonl",
                "{\"id\": \"a\", \"question\": \"q\", \"answer\": \"x\"}",
                "{\"id\": \"b\", \"question\": \"q\", \"answer\": \"x\"}",
                "{\"id\": \"a\", \"question\": \"q2\", \"answer\": \"y\"}");
        assertThat(loadFails(file))
                .hasMessageEndingWith("data.jsonl:3: field \"id\": duplicate id \"a\", first used on line 1");
    }

    @Test
    void unknownFieldIsNamedWithTheKnownOnes() throws IOException {
        Path file = write("data.jsonl", "{\"id\": \"a\", \"question\": \"q\", \"answer\": \"x\", \"answr\": \"y\"}");
        assertThat(loadFails(file))
                .hasMessageContaining("data.jsonl:1: field \"answr\": unknown field (did you mean \"answer\"?)")
                .hasMessageContaining("known fields are id, question, images, options, answer, category, metadata");
    }

    @Test
    void answerLetterOutOfRange() throws IOException {
        Path file = write("data.jsonl",
                "{\"id\": \"a\", \"question\": \"q\", \"options\": [\"1\", \"2\", \"3\", \"4\"], \"answer\": \"K\"}",
                "{\"id\": \"b\", \"question\": \"q\", \"options\": [\"1\", \"2\"], \"answer\": \"first\"}",
                "{\"id\": \"c\", \"question\": \"q\", \"options\": [\"1\", \"2\"], \"answer\": \"b\"}");
        DatasetException e = loadFails(file);
        assertThat(e.problems()).extracting(DatasetProblem::line).containsExactly(1, 2, 3);
        assertThat(e.problems()).extracting(DatasetProblem::field).containsOnly("answer");
        assertThat(e.getMessage())
                .contains("data.jsonl:1: field \"answer\": expected an option letter A-D (the row has 4 options), found \"K\"")
                .contains("found \"first\"");
    }

    @Test
    void lastLetterIsInRange() throws IOException {
        Path file = write("data.jsonl",
                "{\"id\": \"a\", \"question\": \"q\", \"options\": [\"1\", \"2\", \"3\", \"4\"], \"answer\": \"D\"}");
        assertThat(loader.load(file).samples().get(0).answer()).isEqualTo("D");
    }

    @Test
    void missingImageNamesFileLineAndField() throws IOException {
        Path file = write("data.jsonl",
                "{\"id\": \"a\", \"question\": \"q\", \"answer\": \"x\", \"images\": [\"images/missing.png\"]}");
        assertThat(loadFails(file))
                .hasMessageContaining("data.jsonl:1: field \"images\": image file not found: \"images/missing.png\"");
    }

    @Test
    void imagePathsThatLeaveTheFolderAreRejected() throws IOException {
        Path outside = dir.resolve("outside.png");
        Files.write(outside, new byte[] {1});
        Path file = write("set/data.jsonl",
                "{\"id\": \"a\", \"question\": \"q\", \"answer\": \"x\", \"images\": [\"../outside.png\"]}",
                "{\"id\": \"b\", \"question\": \"q\", \"answer\": \"x\", \"images\": [\"" + outside + "\"]}",
                "{\"id\": \"c\", \"question\": \"q\", \"answer\": \"x\", \"images\": [\"images/../../outside.png\"]}",
                "{\"id\": \"d\", \"question\": \"q\", \"answer\": \"x\", \"images\": [\"C:\\\\x.png\"]}",
                "{\"id\": \"e\", \"question\": \"q\", \"answer\": \"x\", \"images\": [\".\"]}");
        DatasetException e = loadFails(file);
        assertThat(e.problems()).extracting(DatasetProblem::line).containsExactly(1, 2, 3, 4, 5);
        assertThat(e.problems()).extracting(DatasetProblem::field).containsOnly("images");
        assertThat(e.getMessage())
                .contains("data.jsonl:1: field \"images\": image \"../outside.png\" leaves the dataset folder")
                .contains("data.jsonl:2: field \"images\": image \"" + outside + "\" is an absolute path")
                .contains("data.jsonl:3: field \"images\": image \"images/../../outside.png\" leaves the dataset folder")
                .contains("data.jsonl:4: field \"images\": image \"C:\\x.png\" is an absolute path")
                .contains("data.jsonl:5: field \"images\": image \".\" leaves the dataset folder");
    }

    @Test
    void symbolicLinkOutOfTheFolderIsRejected() throws IOException {
        Path secret = dir.resolve("secret.png");
        Files.write(secret, new byte[] {1});
        Path set = Files.createDirectories(dir.resolve("set"));
        Files.createSymbolicLink(set.resolve("link.png"), secret);
        Files.createSymbolicLink(set.resolve("up"), dir);
        Path file = write("set/data.jsonl",
                "{\"id\": \"a\", \"question\": \"q\", \"answer\": \"x\", \"images\": [\"link.png\"]}",
                "{\"id\": \"b\", \"question\": \"q\", \"answer\": \"x\", \"images\": [\"up/secret.png\"]}");
        DatasetException e = loadFails(file);
        assertThat(e.problems()).extracting(DatasetProblem::line).containsExactly(1, 2);
        assertThat(e.getMessage()).contains("data.jsonl:1: field \"images\": image \"link.png\" leaves the dataset folder")
                .contains("through a symbolic link");
    }

    @Test
    void symbolicLinkInsideTheFolderIsFine() throws IOException {
        Path real = image("set/images/real.png");
        Files.createSymbolicLink(dir.resolve("set/alias.png"), real);
        Path file = write("set/data.jsonl",
                "{\"id\": \"a\", \"question\": \"q\", \"answer\": \"x\", \"images\": [\"alias.png\"]}");
        assertThat(loader.load(file).samples().get(0).images()).containsExactly(real.toRealPath());
    }

    @Test
    void emptyFileHasNoSamples() throws IOException {
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "");
        Path blank = write("blank.jsonl", "", "  ", "");
        assertThat(loadFails(empty)).hasMessageContaining("empty.jsonl: no samples");
        assertThat(loadFails(blank)).hasMessageContaining("blank.jsonl: no samples");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.jsonl");
        assertThat(loadFails(missing)).hasMessageContaining("nope.jsonl: cannot read the dataset: file not found");
    }

    @Test
    void bytesThatAreNotUtf8NameTheLine() throws IOException {
        Path file = dir.resolve("latin1.jsonl");
        byte[] good = "{\"id\": \"a\", \"question\": \"q\", \"answer\": \"x\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"id\": \"b\", \"question\": \"caf\u00e9\", \"answer\": \"x\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Files.write(file, all);
        assertThat(loadFails(file)).hasMessageContaining("latin1.jsonl:2: expected UTF-8");
    }

    @Test
    void collectsProblemsFromManyLinesAndStopsAtTheLimit() throws IOException {
        String[] lines = new String[30];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "{\"id\": \"s" + i + "\", \"question\": \"q\"}";
        }
        DatasetException e = loadFails(write("data.jsonl", lines));
        assertThat(e.problems()).hasSize(JsonlDatasetLoader.MAX_PROBLEMS);
        assertThat(e.problems().get(19).line()).isEqualTo(20);
        assertThat(e.getMessage()).startsWith("20 problems in ").contains("stopped reading there");
    }

    @Test
    void reportsAllProblemsBelowTheLimitWithoutClaimingToStop() throws IOException {
        DatasetException e = loadFails(write("data.jsonl",
                "{\"id\": \"a\", \"question\": \"q\"}",
                "{\"id\": \"b\", \"question\": \"q\", \"answer\": \"x\"}",
                "{\"id\": \"c\", \"question\": 5, \"answer\": \"x\"}"));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.getMessage()).startsWith("2 problems in ").doesNotContain("stopped");
    }

    @Test
    void tenThousandLinesLoad() throws IOException {
        String[] lines = new String[10_000];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "{\"id\": \"s" + i + "\", \"question\": \"q\", \"options\": [\"a\", \"b\"], \"answer\": \"A\"}";
        }
        Dataset dataset = loader.load(write("big.jsonl", lines));
        assertThat(dataset.size()).isEqualTo(10_000);
        assertThat(dataset.samples().get(9_999).id()).isEqualTo("s9999");
    }

    @Test
    void metadataIsPlainImmutableJava() throws IOException {
        Path file = write("data.jsonl",
                "{\"id\": \"a\", \"question\": \"q\", \"answer\": \"x\", \"metadata\": {\"o\": {\"k\": [1, \"v\"]}, \"big\": 12345678901}}");
        Map<String, Object> metadata = loader.load(file).samples().get(0).metadata();
        assertThat(metadata.get("o")).isEqualTo(Map.of("k", List.of(1, "v")));
        assertThat(metadata.get("big")).isEqualTo(12345678901L);
        assertThatThrownBy(() -> ((Map<String, Object>) metadata.get("o")).put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void metadataMustBeAnObject() throws IOException {
        Path file = write("data.jsonl", "{\"id\": \"a\", \"question\": \"q\", \"answer\": \"x\", \"metadata\": [1]}");
        assertThat(loadFails(file)).hasMessageEndingWith("data.jsonl:1: field \"metadata\": expected an object, found an array");
    }
}
