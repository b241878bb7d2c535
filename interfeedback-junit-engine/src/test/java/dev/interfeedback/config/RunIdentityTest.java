package dev.interfeedback.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.testing.TestSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunIdentityTest {

    private static final Map<String, String> BASE = TestSettings.forServer("http://127.0.0.1:1/v1", null);

    @Test
    void aModelIsTheSameOnlyWithTheSameEndpointSamplingAndScoring() {
        String base = RunIdentity.model(TestSettings.of(BASE), "weak");
        assertThat(RunIdentity.model(TestSettings.of(BASE), "weak")).isEqualTo(base);
        assertThat(RunIdentity.model(with("interfeedback.model.weak.url", "http://127.0.0.1:2/v1"), "weak")).isNotEqualTo(base);
        assertThat(RunIdentity.model(with("interfeedback.model.weak.temperature", "0.7"), "weak")).isNotEqualTo(base);
        assertThat(RunIdentity.model(with(DatasetSettings.MATHVERSE_SCORING, "judge"), "weak")).isNotEqualTo(base);
        // The concurrency limit changes no answer.
        assertThat(RunIdentity.model(with("interfeedback.model.weak.max-concurrency", "1"), "weak")).isEqualTo(base);
    }

    @Test
    void aRunIsTheSameOnlyWithTheSameModelsAndSamples() {
        Dataset data = dataset("B");
        String base = RunIdentity.run(TestSettings.of(BASE), data);
        assertThat(RunIdentity.run(TestSettings.of(BASE), dataset("B"))).isEqualTo(base);
        assertThat(RunIdentity.run(TestSettings.of(BASE), dataset("C"))).isNotEqualTo(base);
        // A publisher's prompt travels in the metadata.
        assertThat(RunIdentity.run(TestSettings.of(BASE), dataset("B", Map.of("prompt.round0", "Pick one.")))).isNotEqualTo(base);
        Map<String, Object> many = Map.of("a", 1, "b", 2, "c", 3, "d", 4, "e", 5);
        assertThat(RunIdentity.run(TestSettings.of(BASE), dataset("B", many)))
                .isEqualTo(RunIdentity.run(TestSettings.of(BASE), dataset("B", new java.util.TreeMap<>(many))));
        assertThat(RunIdentity.run(with("interfeedback.model.strong.name", "stronger"), data)).isNotEqualTo(base);
        // The URL may hold a key: only its digest is in the identity.
        assertThat(base).doesNotContain("127.0.0.1").hasSize(64);
    }

    @Test
    void aChangedPromptOrAnotherApiIsAnotherRun(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Dataset data = dataset("B");
        String base = RunIdentity.run(TestSettings.of(BASE), data);
        Path file = java.nio.file.Files.writeString(dir.resolve("binary.txt"), "Wrong. {{answer_format}}\n");
        String replaced = RunIdentity.run(with("interfeedback.prompts.binary-feedback", file.toString()), data);
        assertThat(replaced).isNotEqualTo(base);
        assertThat(RunIdentity.model(with("interfeedback.prompts.binary-feedback", file.toString()), "weak"))
                .isNotEqualTo(RunIdentity.model(TestSettings.of(BASE), "weak"));
        java.nio.file.Files.writeString(file, "Wrong again. {{answer_format}}\n");
        assertThat(RunIdentity.run(with("interfeedback.prompts.binary-feedback", file.toString()), data)).isNotEqualTo(replaced);
        assertThat(RunIdentity.run(with("interfeedback.model.weak.api", "gemini"), data)).isNotEqualTo(base);
        assertThat(RunIdentity.run(with("interfeedback.model.weak.api", "openai"), data)).isEqualTo(base);
    }

    private static Settings with(String key, String value) {
        Map<String, String> values = new HashMap<>(BASE);
        values.put(key, value);
        return TestSettings.of(values);
    }

    /**
     * Fed to the digest sample by sample, the identity is still the digest of the whole text, so a
     * journal written by an earlier version is resumed.
     */
    @Test
    void theIdentityIsTheDigestOfTheModelsAndTheSamplesWrittenOutOneAfterTheOther() throws Exception {
        Sample first = new Sample("s1", "Which shape? ünïcødé 😀", List.of(Path.of("/data/images/a.png")),
                List.of("circle", "square"), "A", "shapes", Map.of("k", "v"));
        Sample second = new Sample("s2", "How many?", List.of(), List.of(), "3", "counts", Map.of());
        Dataset data = new Dataset("shapes", Path.of("/data/shapes.jsonl"), List.of(first, second));
        Settings settings = TestSettings.of(BASE);

        StringBuilder whole = new StringBuilder();
        for (String alias : RunnerFactory.aliases(settings)) whole.append(RunIdentity.model(settings, alias)).append('\n');
        whole.append("s1\u0000Which shape? ünïcødé 😀\u0000A\u0000shapes\u0000{k=v}\u0000circle\u0000square\u0000images/a.png\n");
        whole.append("s2\u0000How many?\u00003\u0000counts\u0000{}\n");
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(whole.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(RunIdentity.run(settings, data)).isEqualTo(expected);
    }

    private static Dataset dataset(String answer) {
        return dataset(answer, Map.of());
    }

    private static Dataset dataset(String answer, Map<String, Object> metadata) {
        Sample sample = new Sample("s1", "Which shape?", List.of(), List.of("circle", "square", "triangle"), answer,
                "shapes", metadata);
        return new Dataset("shapes", Path.of("shapes.jsonl"), List.of(sample));
    }
}
