package dev.interfeedback.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.dataset.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeakGuardTest {

    private final LeakGuard guard = new LeakGuard();
    private final Sample choice = new Sample("q", "Which?", List.of(), List.of("65°", "130°", "50°", "100°"), "C", "geo", Map.of());
    private final Sample value = new Sample("v", "How long?", List.of(), List.of(), "51.1", "geo", Map.of());

    @Test
    void flagsTheAnswerLetterNamedAsAnOption() {
        assertThat(guard.leaks("The correct answer is C.", choice)).isTrue();
        assertThat(guard.leaks("You should pick (C).", choice)).isTrue();
        assertThat(guard.leaks("Consider option C instead.", choice)).isTrue();
        assertThat(guard.leaks("Answer: C", choice)).isTrue();
    }

    @Test
    void flagsTheRightOptionsText() {
        assertThat(guard.leaks("The angle should come out to 50°.", choice)).isTrue();
    }

    @Test
    void letsHelpfulFeedbackThrough() {
        assertThat(guard.leaks("Check the inscribed angle theorem: the central angle is twice the inscribed one."
                + " Your choice B doubles the wrong angle.", choice)).isFalse();
        assertThat(guard.leaks("Recompute the hypotenuse; you added the legs instead of their squares.", value)).isFalse();
    }

    @Test
    void flagsTheGroundTruthValueButNotLongerNumbers() {
        assertThat(guard.leaks("It should be 51.1 cm.", value)).isTrue();
        assertThat(guard.leaks("Not 151.1 and not 51.15.", value)).isFalse();
    }

    @Test
    void redactsEveryRevealingPart() {
        String redacted = guard.redact("The correct answer is C, that is 50°.", choice);
        assertThat(redacted).doesNotContain("50°").doesNotContain("is C").contains("[redacted]");
        assertThat(guard.leaks(redacted, choice)).isFalse();
    }
}
