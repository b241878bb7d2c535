package dev.interfeedback.model.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyRedactorTest {

    @Test
    void aKeyAndEveryLongRunOfItAreTakenOut() {
        KeyRedactor redactor = KeyRedactor.of(new ApiKey("test-key-0123456789abcdef"));

        assertThat(redactor.redact("echo: Bearer test-key-0123456789abcdef.")).isEqualTo("echo: Bearer [redacted].");
        assertThat(redactor.redact("cut: 0123456789ab")).isEqualTo("cut: [redacted]");
        assertThat(redactor.redact("x+1 = 7")).isEqualTo("x+1 = 7");
    }

    /** Local servers take any key; a placeholder such as EMPTY or 1 is no secret and may well be part of an answer. */
    @Test
    void aPlaceholderKeyLeavesAnswersAsTheyAre() {
        assertThat(KeyRedactor.of(new ApiKey("1")).redact("Answer: x+1")).isEqualTo("Answer: x+1");
        assertThat(KeyRedactor.of(new ApiKey("EMPTY")).redact("The set is EMPTY.")).isEqualTo("The set is EMPTY.");
    }
}
