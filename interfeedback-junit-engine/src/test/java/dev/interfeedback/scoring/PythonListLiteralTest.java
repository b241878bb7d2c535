package dev.interfeedback.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PythonListLiteralTest {

    @Test
    void readsQuotesCommasAndEscapes() {
        assertThat(PythonListLiteral.parse("['a, b', \"Don't know\", 'it\\'s', 'x\\\\y', '']"))
                .containsExactly("a, b", "Don't know", "it's", "x\\y", "");
    }

    @Test
    void readsEmptyListAndTrailingComma() {
        assertThat(PythonListLiteral.parse("[]")).isEmpty();
        assertThat(PythonListLiteral.parse("['a',]")).containsExactly("a");
    }

    @Test
    void rejectsBrokenLiterals() {
        assertThatThrownBy(() -> PythonListLiteral.parse("['a' 'b']")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PythonListLiteral.parse("['a")).isInstanceOf(IllegalArgumentException.class);
    }
}
