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
}
