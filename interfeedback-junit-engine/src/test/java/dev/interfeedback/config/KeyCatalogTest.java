package dev.interfeedback.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.config.Key.Section;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalog is the one place keys are declared: the README's tables and the code's constants agree with it. */
class KeyCatalogTest {

    private static final Path README = Path.of("../README.md");

    @Test
    void theReadmesConfigurationReferenceIsTheCatalogs() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String tables = table(Section.RUN) + "\n" + table(Section.DATASET);
        // Written out in full, to paste into the README when the catalog changes.
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("configuration-reference.md"), tables);

        for (Section section : List.of(Section.RUN, Section.DATASET)) {
            assertThat(readme).as("README.md must hold the table of the %s keys generated from KeyCatalog"
                    + " (see target/configuration-reference.md)", section).contains(table(section));
        }
    }

    @Test
    void everyKeyConstantIsDeclared() throws IllegalAccessException {
        for (Class<?> type : List.of(Settings.class, DatasetSettings.class, Prices.class)) {
            for (Field field : type.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                        && ((String) field.get(null)).startsWith(Settings.PREFIX) && !field.get(null).equals(Settings.PREFIX)) {
                    assertThat(KeyCatalog.find((String) field.get(null))).as(type.getSimpleName() + "." + field.getName()).isPresent();
                }
            }
        }
    }

    @Test
    void keysAreDeclaredOnce() {
        assertThat(KeyCatalog.KEYS.stream().collect(Collectors.groupingBy(Key::name, Collectors.counting())))
                .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
    }

    @Test
    void everyDefaultIsAValidValueOfItsKey() {
        for (Key key : KeyCatalog.KEYS) {
            if (key.defaultValue() != null) key.check(key.forAlias("a"), key.defaultValue());
        }
    }

    @Test
    void modelKeysMatchAnyAliasAndSuggestTheClosestField() {
        assertThat(KeyCatalog.find("interfeedback.model.gpt-4.1.max-tokens")).map(Key::name)
                .hasValue("interfeedback.model.<alias>.max-tokens");
        assertThatThrownBy(() -> KeyCatalog.requireKnown(List.of("interfeedback.model.gpt.temprature",
                "interfeedback.model.gpt.url", "junit.jupiter.anything", "interfeedback.colour"), "test"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("unknown settings interfeedback.colour, interfeedback.model.gpt.temprature (did you mean"
                        + " interfeedback.model.gpt.temperature?) in test; the settings are listed in the README's"
                        + " configuration reference");
    }

    @Test
    void everyIntegerSettingSaysItsRange() {
        Settings settings = dev.interfeedback.testing.TestSettings.of(Map.of("interfeedback.concurrency", "5000",
                "interfeedback.dataset.limit", "3000000000", "interfeedback.max-error-rate", "120%"));

        assertThatThrownBy(settings::concurrency)
                .hasMessage("interfeedback.concurrency: expected a whole number between 1 and 4096, found \"5000\"");
        assertThatThrownBy(() -> new DatasetSettings(settings).selection())
                .hasMessage("interfeedback.dataset.limit: expected a whole number between 1 and 2147483647, found \"3000000000\"");
        assertThatThrownBy(() -> settings.share(Settings.MAX_ERROR_RATE))
                .hasMessage("interfeedback.max-error-rate: expected a fraction between 0 and 1 (0.05) or a percentage (5%),"
                        + " found \"120%\"");
    }

    /** The Markdown table of a section, as the README holds it. */
    static String table(Section section) {
        return Stream.concat(Stream.of("| key | default | meaning |", "|---|---|---|"),
                        KeyCatalog.section(section).stream().map(k -> "| `" + k.name() + "` | "
                                + (k.documentedDefault() != null ? k.documentedDefault() : "`" + k.defaultValue() + "`")
                                + " | " + k.meaning() + " |"))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
