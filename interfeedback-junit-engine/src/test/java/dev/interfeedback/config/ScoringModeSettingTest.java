package dev.interfeedback.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.scoring.ScoringMode;
import dev.interfeedback.testing.TestSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringModeSettingTest {

    @Test
    void rulesByDefaultJudgeOrHybridWhenSet() {
        assertThat(new DatasetSettings(TestSettings.of(Map.of())).scoringMode()).isEqualTo(ScoringMode.RULES);
        assertThat(mode("hybrid")).isEqualTo(ScoringMode.HYBRID);
        assertThat(mode(" Judge ")).isEqualTo(ScoringMode.JUDGE);
        assertThat(ScoringMode.HYBRID.usesJudge()).isTrue();
        assertThat(ScoringMode.RULES.usesJudge()).isFalse();
        assertThat(RunnerFactory.aliases(TestSettings.of(Map.of(DatasetSettings.MATHVERSE_SCORING, "hybrid",
                "interfeedback.receiver", "weak", "interfeedback.provider", "strong"))))
                .containsExactly("weak", "strong", "judge");
    }

    @Test
    void anUnknownModeNamesTheKeyAndTheChoices() {
        assertThatThrownBy(() -> mode("llm"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("interfeedback.dataset.mathverse.scoring: expected rules, judge or hybrid, found \"llm\"");
    }

    private static ScoringMode mode(String value) {
        return new DatasetSettings(TestSettings.of(Map.of(DatasetSettings.MATHVERSE_SCORING, value))).scoringMode();
    }
}
