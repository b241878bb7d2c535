package dev.interfeedback.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    @Test
    void theClosestKnownNameWithinTwoEdits() {
        List<String> known = List.of("receiver", "provider", "rounds");

        assertThat(DidYouMean.closest("recevier", known)).hasValue("receiver");
        assertThat(DidYouMean.closest("roudns", known)).hasValue("rounds");
        assertThat(DidYouMean.closest("colour", known)).isEmpty();
    }
}
