package dev.interfeedback.human;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.dataset.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HumanProtocolTest {

    private final Sample choice = new Sample("q1", "Which shape?", List.of(), List.of("circle", "square"), "B", "cat", Map.of());

    @Test
    void thePapersProtocolAsksForAHintThenAnExplanationThenTheAnswer() {
        HumanProtocol protocol = HumanProtocol.INTERFEEDBACK_HUMAN;

        assertThat(protocol.guidance(1, 3)).startsWith("Round 1 of 3: give a hint").contains("without stating the correct answer");
        assertThat(protocol.guidance(2, 3)).startsWith("Round 2 of 3: explain more fully");
        assertThat(protocol.guidance(3, 3)).startsWith("Round 3 of 3: give the correct answer with an explanation");
        assertThat(protocol.prefill(choice, 1)).isEmpty();
        assertThat(protocol.prefill(choice, 2)).isEmpty();
        assertThat(protocol.prefill(choice, 3)).isEqualTo("The correct answer is (B) square. ");
    }

    @Test
    void theLastRoundStartsFromTheDatasetsExplanationWhereItHasOne() {
        Sample explained = new Sample("q2", "Solve x + 1 = 3.", List.of(), List.of(), "2", "algebra",
                Map.of("explanation", "Subtract 1 from both sides.\n"));

        assertThat(HumanProtocol.INTERFEEDBACK_HUMAN.prefill(explained, 3))
                .isEqualTo("The correct answer is 2. Subtract 1 from both sides.");
    }

    @Test
    void theFreeProtocolTakesAnyTextWithNothingFilledIn() {
        assertThat(HumanProtocol.FREE.guidance(4, 5)).isEqualTo("Round 4 of 5: write any feedback that helps the model find its mistake.");
        assertThat(HumanProtocol.FREE.prefill(choice, 3)).isEmpty();
        assertThat(HumanProtocol.parse(" Free ")).isEqualTo(HumanProtocol.FREE);
        assertThatThrownBy(() -> HumanProtocol.parse("paper")).hasMessageContaining("[interfeedback-human, free]");
    }
}
