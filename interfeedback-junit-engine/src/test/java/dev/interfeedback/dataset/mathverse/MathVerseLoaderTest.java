package dev.interfeedback.dataset.mathverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.dataset.BadRowPolicy;
import dev.interfeedback.dataset.DatasetException;
import dev.interfeedback.dataset.DatasetLoad;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.model.Content;
import dev.interfeedback.prompt.Prompts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MathVerseLoaderTest {

    static final Path REAL = Path.of("src/test/resources/mathverse");
    static final Path PNG = Path.of("src/test/resources/mmmu-pro/images/test_Art_113_1.png");

    @TempDir
    Path temp;

    @Test
    void textOnlyRecordsLoadWithTheOfficialPrompts() {
        DatasetLoad load = new MathVerseLoader(MathVerseOptions.defaults()).load(REAL.resolve("testmini_text_only.sample.json"));

        assertThat(load.dataset().name()).isEqualTo("mathverse testmini_text_only.sample");
        assertThat(load.dataset().size()).isEqualTo(48);
        assertThat(load.dataset().samples()).allSatisfy(sample -> {
            assertThat(sample.images()).isEmpty();
            assertThat(sample.metadata()).containsEntry("problem_version", "Text Only");
            assertThat(sample.question()).doesNotContain("Choices:");
        });
        assertThat(load.dataset().samples().stream().filter(Sample::isMultipleChoice).count()).isEqualTo(24);

        Sample tangent = byId(load, "mathverse-23");
        assertThat(tangent.options()).containsExactly("65°", "130°", "50°", "100°");
        assertThat(tangent.answer()).isEqualTo("C");
        assertThat(tangent.category()).isEqualTo("Plane Geometry");
        assertThat(tangent.question()).endsWith("the degree of angle P is ()");
        assertThat(Prompts.builtIn().question(tangent).text()).isEqualTo("Please first conduct reasoning, and then answer the"
                + " question and provide the correct option letter, e.g., A, B, C, D, at the end.\nQuestion: As shown in"
                + " the figure, PA and PB are tangent to circle O at A and B respectively. If angle C = 65.0, then the"
                + " degree of angle P is ()\nChoices:\nA:65°\nB:130°\nC:50°\nD:100°");
        assertThat(Prompts.builtIn().binaryFeedback(tangent)).endsWith("provide the correct option letter, e.g., A, B, C, D, at the end.");
        assertThat(byId(load, "mathverse-778").options()).hasSize(5);

        DatasetLoad direct = new MathVerseLoader(MathVerseOptions.defaults().withMode(MathVersePromptMode.DIRECT))
                .load(REAL.resolve("testmini_text_only.sample.json"));
        assertThat(Prompts.builtIn().question(byId(direct, "mathverse-359")).text())
                .startsWith("Please directly answer the question and provide the final value, e.g., 1, 2.5, 300.\nQuestion:");
    }

    @Test
    void imageVersionsLoadWithTheirImageFolders() throws Exception {
        Path json = realTestminiWithImages();

        DatasetLoad load = new MathVerseLoader(MathVerseOptions.defaults()).load(json);

        assertThat(load.dataset().samples()).extracting(s -> s.metadata().get("problem_version")).containsExactly(
                "Text Dominant", "Text Lite", "Vision Intensive", "Vision Dominant", "Vision Only");
        assertThat(load.dataset().samples()).allSatisfy(s -> assertThat(s.images()).singleElement()
                .satisfies(p -> assertThat(Files.isRegularFile(p)).isTrue()));
        Sample visionOnly = byId(load, "mathverse-3425");
        assertThat(visionOnly.images().get(0).toString()).endsWith("images_version_6/image_685.png".replace('/', java.io.File.separatorChar));
        assertThat(Prompts.builtIn().question(visionOnly).parts().get(0)).isInstanceOf(Content.Image.class);
        assertThat(visionOnly.answer()).isEqualTo("14");
        assertThat(visionOnly.isMultipleChoice()).isFalse();

        DatasetLoad onlyVision = new MathVerseLoader(MathVerseOptions.defaults()
                .withVersions(Set.of(MathVerseVersion.VISION_ONLY, MathVerseVersion.VISION_DOMINANT))).load(json);
        assertThat(onlyVision.dataset().samples()).extracting(Sample::id).containsExactly("mathverse-3424", "mathverse-3425");
        assertThat(onlyVision.excluded()).hasSize(3);
    }

    @Test
    void missingAndEscapingImagesAreBadRecordsNamingLineAndField() throws Exception {
        Path json = realTestminiWithImages();
        Files.delete(json.getParent().resolve("images_version_5/image_685.png"));
        ArrayNode records = (ArrayNode) new ObjectMapper().readTree(json.toFile());
        ((ObjectNode) records.get(0)).put("image", "../../outside.png");
        // Pretty-printed as "[ {", so the first record starts on line 1.
        Files.writeString(json, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(records));

        DatasetException failure = (DatasetException) org.assertj.core.api.Assertions.catchThrowable(
                () -> new MathVerseLoader(MathVerseOptions.defaults()).load(json));

        assertThat(failure.problems()).hasSize(2).allSatisfy(p -> assertThat(p.field()).isEqualTo("image"));
        assertThat(failure.problems().get(0).toString()).contains(":1: field \"image\": image \"../../outside.png\" leaves the dataset folder")
                .endsWith("(row id \"mathverse-3421\")");
        assertThat(failure.problems().get(1).message()).startsWith("image file not found: \"images_version_5/image_685.png\"");

        DatasetLoad skipped = new MathVerseLoader(MathVerseOptions.defaults().withBadRows(BadRowPolicy.SKIP)).load(json);
        assertThat(skipped.dataset().size()).isEqualTo(3);
        assertThat(skipped.skipped()).hasSize(2);
    }

    @Test
    void missingFieldsAndUnknownVersionsAreReported() throws Exception {
        Path json = temp.resolve("bad.json");
        Files.writeString(json, "[\n{\"sample_index\": \"1\"},\n" + MathVerseRecords.record("2", "9", "Text Sometimes",
                "Q", "", "A", "free-form") + "\n]");

        assertThatThrownBy(() -> new MathVerseLoader(MathVerseOptions.defaults()).load(json))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("bad.json:2: field \"problem_index\": required field is missing")
                .hasMessageContaining("bad.json:3: field \"problem_version\": unknown MathVerse version \"Text Sometimes\"");
    }

    /** The five real testmini records with stand-in images at their published paths. */
    private Path realTestminiWithImages() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("mathverse"));
        Path json = Files.copy(REAL.resolve("output_testmini.sample.json"), folder.resolve("testmini.json"));
        for (String dir : new String[] {"images_version_1-4", "images_version_5", "images_version_6"}) {
            Files.createDirectories(folder.resolve(dir));
            Files.copy(PNG, folder.resolve(dir).resolve("image_685.png"));
        }
        return json;
    }

    static Sample byId(DatasetLoad load, String id) {
        return load.dataset().samples().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
