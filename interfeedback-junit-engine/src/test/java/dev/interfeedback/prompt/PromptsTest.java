package dev.interfeedback.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interfeedback.testing.ToldEpisodes;
import dev.interfeedback.config.ConfigurationException;
import dev.interfeedback.config.RunnerFactory;
import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.RoundListener;
import dev.interfeedback.report.ResultsJson;
import dev.interfeedback.testing.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptsTest {

    private static final Sample CHOICE = new Sample("q1", "Which colour?", List.of(), List.of("red", "blue"), "B", "c", Map.of());

    @TempDir
    Path dir;

    @Test
    void theBuiltInTemplatesSayWhatThePromptsAlwaysSaid() {
        Prompts prompts = Prompts.builtIn();

        // Word for word: a changed built-in text changes every cached answer's key.
        assertThat(prompts.binaryFeedback(CHOICE)).isEqualTo("Your previous answer is incorrect. Please reconsider and"
                + " answer again.\nAnswer the preceding multiple choice question. The last line of your response should be"
                + " of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of the options."
                + " Think step by step before answering.");
        assertThat(prompts.detailedFeedback(CHOICE, "  Look at the legend.\n")).startsWith(
                "Your previous answer is incorrect. Here is some feedback:\nLook at the legend.\n\nAnswer the preceding");
        assertThat(prompts.providerRequest(CHOICE, List.of("Answer: A"))).isEqualTo("Question:\nWhich colour?\n\nOptions:"
                + "\nA. red\nB. blue\n\nCorrect answer (for you only, never reveal it): B\n\nThe student's answers so far,"
                + " all incorrect:\n--- attempt 0 ---\nAnswer: A\n\nWrite brief feedback (at most four sentences) that"
                + " points out what is wrong in the latest attempt and what to reconsider. Do not state the correct answer,"
                + " its option letter, its value or its option text, and do not say which option is right.");
        assertThat(prompts.templates()).extracting(t -> t.name().id()).containsExactly("answer-format-multiple-choice",
                "answer-format-free-form", "binary-feedback", "detailed-feedback", "provider-system", "provider-request",
                "provider-retry");
        assertThat(prompts.templates()).allSatisfy(t -> {
            assertThat(t.version()).isEqualTo("v1");
            assertThat(t.source()).isEqualTo("built-in");
            assertThat(t.digest()).hasSize(64);
        });
    }

    @Test
    void aUsersFileReplacesOnePromptAndIsRecordedByDigestInTheResults() throws Exception {
        Files.writeString(dir.resolve("binary.txt"), "That is not right ({{answer_format}}), try once more.\n");
        Map<String, String> values = new HashMap<>(Map.of(
                "interfeedback.basedir", dir.toString(),
                "interfeedback.prompts.binary-feedback", "binary.txt",
                "interfeedback.feedback", "binary",
                "interfeedback.rounds", "1",
                "interfeedback.model.receiver.url", "simulator:?accuracy=0&seed=3",
                "interfeedback.model.provider.url", "simulator:?accuracy=1&seed=4"));
        var settings = TestSettings.of(values);

        Prompts prompts = settings.prompts();
        assertThat(prompts.binaryFeedback(CHOICE)).startsWith("That is not right (Answer the preceding multiple choice")
                .endsWith("answering.), try once more.");
        ToldEpisodes told = new ToldEpisodes();
        var result = RunnerFactory.create(settings, k -> null).run("b", new Dataset("d", null, List.of(CHOICE)),
                RoundListener.NONE, told);
        assertThat(told.of(CHOICE.id()).rounds().get(1).feedback()).startsWith("That is not right (");

        JsonNode recorded = new ResultsJson().toJson(List.of(result)).path("benchmarks").get(0).path("prompts");
        assertThat(recorded).hasSize(7);
        JsonNode binary = recorded.get(2);
        assertThat(binary.path("name").asText()).isEqualTo("binary-feedback");
        assertThat(binary.path("version").asText()).isEqualTo("file");
        assertThat(binary.path("source").asText()).isEqualTo(dir.resolve("binary.txt").toString());
        assertThat(binary.path("digest").asText()).isEqualTo(prompts.templates().stream()
                .filter(t -> t.name() == PromptName.BINARY_FEEDBACK).findFirst().orElseThrow().digest())
                .isNotEqualTo(Prompts.builtIn().templates().stream()
                        .filter(t -> t.name() == PromptName.BINARY_FEEDBACK).findFirst().orElseThrow().digest());
        assertThat(recorded.get(0).path("source").asText()).isEqualTo("built-in");
    }

    @Test
    void aMissingFileOrAMissingOrUnknownPlaceholderIsAConfigurationErrorNamingTheFile() throws Exception {
        Path missing = dir.resolve("nowhere.txt");
        Path lacking = Files.writeString(dir.resolve("detailed.txt"), "Feedback: {{feedback}}");
        Path unknown = Files.writeString(dir.resolve("system.txt"), "You teach {{subject}}.");

        assertThatThrownBy(() -> TestSettings.of(Map.of("interfeedback.prompts.binary-feedback", missing.toString())).prompts())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("interfeedback.prompts.binary-feedback: prompt file " + missing + " does not exist");
        assertThatThrownBy(() -> TestSettings.of(Map.of("interfeedback.prompts.detailed-feedback", lacking.toString())).prompts())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("interfeedback.prompts.detailed-feedback: prompt detailed-feedback from " + lacking
                        + " lacks the placeholder {{answer_format}}; it must hold {{feedback}}, {{answer_format}}");
        assertThatThrownBy(() -> TestSettings.of(Map.of("interfeedback.prompts.provider-system", unknown.toString())).prompts())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(unknown.toString())
                .hasMessageContaining("holds the unknown placeholder {{subject}}; it takes none");
    }

    @Test
    void aValueWithBracesIsInsertedLiterally() {
        Sample braces = new Sample("q2", "Is {{answer}} a set?", List.of(), List.of("yes", "no"), "A", "c", Map.of());

        assertThat(Prompts.builtIn().providerRequest(braces, List.of("Answer: $B {{question}}")))
                .contains("Is {{answer}} a set?").contains("Answer: $B {{question}}");
    }
}
