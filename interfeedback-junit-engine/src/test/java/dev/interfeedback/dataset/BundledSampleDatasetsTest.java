package dev.interfeedback.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The datasets the sample project ships must stay loadable by the generic loader. */
class BundledSampleDatasetsTest {

    // Maven runs tests with the module directory as the working directory.
    private static final Path DATASETS = Path.of("../sample-project/src/test/resources/datasets");

    private final JsonlDatasetLoader loader = new JsonlDatasetLoader();

    @Test
    void mmmuProSampleLoadsWithAllImages() {
        Dataset dataset = loader.load(DATASETS.resolve("mmmu-pro-sample.jsonl"));

        assertThat(dataset.name()).isEqualTo("mmmu-pro-sample");
        assertThat(dataset.size()).isEqualTo(16);
        assertThat(dataset.samples()).allSatisfy(sample -> {
            assertThat(sample.images()).isNotEmpty().allSatisfy(image -> assertThat(Files.isRegularFile(image)).isTrue());
            // "10 options" is the config's name; the published rows have up to ten.
            assertThat(sample.options()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
            assertThat(sample.metadata()).containsEntry("source", "MMMU-Pro standard (10 options)");
        });
        assertThat(dataset.samples().stream().mapToInt(s -> s.images().size()).sum()).isEqualTo(20);

        Sample history = byId(dataset, "test_History_1");
        assertThat(history.options()).hasSize(10);
        assertThat(history.answer()).isEqualTo("B");
        assertThat(history.options().get(1)).isEqualTo("The spread of pathogens across the Silk Road");
        assertThat(history.category()).isEqualTo("History");
        assertThat(history.images()).singleElement()
                .satisfies(image -> assertThat(image.getFileName()).hasToString("test_History_1_1.png"));
        assertThat(history.metadata()).containsEntry("topic_difficulty", "Medium")
                .containsEntry("img_type", List.of("Diagrams"));

        Sample music = byId(dataset, "test_Music_251");
        assertThat(music.images()).hasSize(5);
        assertThat(music.options()).hasSize(4);
        assertThat(byId(dataset, "test_Energy_and_Power_276").options()).hasSize(9);
    }

    @Test
    void mathVerseTextOnlySampleLoads() {
        Dataset dataset = loader.load(DATASETS.resolve("mathverse-text-only-sample.jsonl"));

        assertThat(dataset.size()).isEqualTo(48);
        assertThat(dataset.samples()).allSatisfy(sample -> {
            assertThat(sample.id()).startsWith("mathverse-");
            assertThat(sample.images()).isEmpty();
            assertThat(sample.question()).doesNotContain("Choices:");
            assertThat(sample.metadata()).containsEntry("problem_version", "Text Only");
        });
        assertThat(dataset.samples().stream().filter(Sample::isMultipleChoice).count()).isEqualTo(24);

        Sample tangent = byId(dataset, "mathverse-23");
        assertThat(tangent.options()).containsExactly("65°", "130°", "50°", "100°");
        assertThat(tangent.answer()).isEqualTo("C");
        assertThat(tangent.question()).endsWith("the degree of angle P is ()");
        assertThat(tangent.category()).isEqualTo("Plane Geometry");
        assertThat(tangent.metadata()).containsAllEntriesOf(Map.of(
                "source", "GeoQA", "subfield", "Angle", "question_type", "multi-choice"));

        // Options written "A." instead of "A:" in the source parse the same way.
        assertThat(byId(dataset, "mathverse-778").options()).hasSize(5);

        Sample freeForm = byId(dataset, "mathverse-359");
        assertThat(freeForm.isMultipleChoice()).isFalse();
        assertThat(freeForm.answer()).isEqualTo("51.1");
        assertThat(freeForm.metadata()).containsEntry("question_type", "free-form");
    }

    private static Sample byId(Dataset dataset, String id) {
        return dataset.samples().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
