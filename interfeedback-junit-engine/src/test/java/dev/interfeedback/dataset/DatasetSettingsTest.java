package dev.interfeedback.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.config.ConfigurationException;
import dev.interfeedback.config.DatasetSettings;
import dev.interfeedback.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interfeedback.dataset.* settings choose the loader, its options and the subset. */
class DatasetSettingsTest {

    @TempDir
    Path temp;

    private DatasetSettings settings(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        values.put(Settings.OUTPUT_DIR, temp.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return new DatasetSettings(new Settings(key -> Optional.ofNullable(values.get(key))));
    }

    @Test
    void mmmuProJsonlWithSubjectAndDifficultyFiltersAndALimit() {
        Path file = Path.of("src/test/resources/mmmu-pro/standard-10-options.jsonl");

        DatasetLoad clinical = settings(DatasetSettings.FORMAT, "mmmu-pro", DatasetSettings.SUBJECTS, "Clinical_Medicine",
                DatasetSettings.DIFFICULTIES, "medium").load(file);
        assertThat(clinical.dataset().samples()).extracting(Sample::id).containsExactly(
                "validation_Clinical_Medicine_23", "test_Clinical_Medicine_118", "test_Clinical_Medicine_69");

        DatasetLoad five = settings(DatasetSettings.FORMAT, "mmmu-pro", DatasetSettings.LIMIT, "5",
                DatasetSettings.SEED, "3", DatasetSettings.MMMU_PRO_MODE, "direct").load(file);
        assertThat(five.dataset().size()).isEqualTo(5);
        assertThat(five.dataset().samples()).allSatisfy(s -> assertThat((String) s.metadata().get("prompt.round0"))
                .endsWith("Answer with the option letter from the given choices directly."));
    }

    @Test
    void mathVerseByVersionAndSubjectWithTheFormatToldFromThePath() {
        Path file = Path.of("src/test/resources/mathverse/testmini_text_only.sample.json");

        DatasetLoad functions = settings(DatasetSettings.SUBJECTS, "Functions", DatasetSettings.MATHVERSE_VERSIONS, "text-only",
                DatasetSettings.MATHVERSE_PROMPT, "direct").load(file);

        assertThat(functions.dataset().size()).isEqualTo(13);
        assertThat(functions.dataset().samples()).allSatisfy(s -> assertThat(s.category()).isEqualTo("Functions"));
        assertThat(settings(DatasetSettings.MATHVERSE_VERSIONS, "Vision Only", DatasetSettings.ON_BAD_ROW, "skip"))
                .satisfies(s -> assertThatThrownBy(() -> s.load(file)).isInstanceOf(DatasetException.class)
                        .hasMessageContaining("no record is of the versions asked for"));
    }

    @Test
    void badValuesNameTheSetting() {
        Path file = Path.of("src/test/resources/mmmu-pro/standard-10-options.jsonl");
        assertThatThrownBy(() -> settings(DatasetSettings.FORMAT, "mmmu-pro", DatasetSettings.ON_BAD_ROW, "ignore").load(file))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("interfeedback.dataset.on-bad-row");
        assertThatThrownBy(() -> settings(DatasetSettings.FORMAT, "csv").load(file))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("interfeedback.dataset.format");
        assertThatThrownBy(() -> settings(DatasetSettings.MATHVERSE_VERSIONS, "Vision Mostly")
                .load(Path.of("src/test/resources/mathverse/testmini_text_only.sample.json")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown MathVerse version");
    }
}
