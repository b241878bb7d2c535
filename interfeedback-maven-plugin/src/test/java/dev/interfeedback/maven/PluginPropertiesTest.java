package dev.interfeedback.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.config.KeyCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The goals' {@code interfeedback.*} properties reach the engine as {@code -D} system properties,
 * where an undeclared key is refused: each must be in the engine's key catalog.
 */
class PluginPropertiesTest {

    @Test
    void everyPropertyOfTheGoalsIsDeclaredInTheKeyCatalog() throws IOException {
        String descriptor = Files.readString(Path.of("target/classes/META-INF/maven/plugin.xml"));
        Matcher property = Pattern.compile("\\$\\{(interfeedback\\.[^}]+)}").matcher(descriptor);
        List<String> properties = property.results().map(m -> m.group(1)).distinct().toList();

        assertThat(properties).contains("interfeedback.skip", "interfeedback.output.dir");
        assertThat(properties).allSatisfy(key -> assertThat(KeyCatalog.find(key)).as(key).isPresent());
    }
}
