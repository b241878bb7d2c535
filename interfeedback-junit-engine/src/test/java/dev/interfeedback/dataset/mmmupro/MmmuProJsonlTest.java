package dev.interfeedback.dataset.mmmupro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.dataset.DatasetLoad;
import dev.interfeedback.dataset.Sample;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real rows of ../shared/data/mmmu-pro, in their JSONL form, load with their images. */
class MmmuProJsonlTest {

    @TempDir
    java.nio.file.Path temp;

    @Test
    void realRowsLoadWithTheirImages() {
        DatasetLoad load = new MmmuProLoader(MmmuProOptions.defaults(temp))
                .load(ParquetFixtures.REAL.resolve("standard-10-options.jsonl"));

        assertThat(load.dataset().name()).isEqualTo("mmmu-pro standard (10 options)");
        assertThat(load.dataset().size()).isEqualTo(16);
        assertThat(load.dataset().samples()).allSatisfy(sample -> {
            assertThat(sample.images()).isNotEmpty().allSatisfy(image -> assertThat(Files.isRegularFile(image)).isTrue());
            assertThat(sample.options()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
            assertThat(sample.metadata()).containsEntry("source", "MMMU-Pro standard (10 options)");
        });
        assertThat(load.dataset().samples().stream().mapToInt(s -> s.images().size()).sum()).isEqualTo(20);
        Sample clinical = MmmuProParquetTest.byId(load, "test_Clinical_Medicine_118");
        assertThat(clinical.metadata().get("img_type"))
                .isEqualTo(java.util.List.of("Body Scans: MRI, CT scans, and X-rays", "Medical Images"));
        assertThat(clinical.images()).singleElement()
                .satisfies(image -> assertThat(image).hasFileName("test_Clinical_Medicine_118_1.png"));
        // Path-only images are used where they are, nothing is copied to the cache.
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void aNestedOptionsListIsOneOptionAsTheOfficialEvaluatorReadsIt() throws Exception {
        String first = Files.readAllLines(ParquetFixtures.REAL.resolve("standard-10-options.jsonl")).get(0);
        com.fasterxml.jackson.databind.node.ObjectNode nested =
                (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(first);
        String image = nested.get("image_1").asText();
        Files.createDirectories(temp.resolve("data/images"));
        Files.copy(ParquetFixtures.REAL.resolve(image), temp.resolve("data").resolve(image));
        nested.put("id", "validation_Nested_1");
        nested.put("options", "[['A', 'B', 'Not enough information']]");
        nested.put("answer", "A");
        java.nio.file.Path jsonl = temp.resolve("data/standard (10 options).jsonl");
        Files.writeString(jsonl, first + "\n" + nested + "\n");

        DatasetLoad load = new MmmuProLoader(MmmuProOptions.defaults(temp.resolve("cache"))).load(jsonl);

        assertThat(load.dataset().size()).isEqualTo(2);
        assertThat(MmmuProParquetTest.byId(load, "validation_Nested_1").options())
                .containsExactly("['A', 'B', 'Not enough information']");
        assertThat(load.warnings()).singleElement().asString()
                .contains("row 2", "validation_Nested_1", "\"options\"", "nested list", "1 option");
        assertThat(load.summary()).contains("warning: ", "validation_Nested_1");
    }
}
