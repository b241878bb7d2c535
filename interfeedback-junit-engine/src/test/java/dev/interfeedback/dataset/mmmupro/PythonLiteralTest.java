package dev.interfeedback.dataset.mmmupro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.dataset.InvalidValueException;
import org.junit.jupiter.api.Test;

class PythonLiteralTest {

    @Test
    void readsQuotesCommasAndEscapes() throws InvalidValueException {
        assertThat(PythonLiteral.parseStringList("['a, b', \"Don't know\", 'it\\'s', 'x\\\\y', '']"))
                .containsExactly("a, b", "Don't know", "it's", "x\\y", "");
    }

    @Test
    void readsEmptyListTuplesAndTrailingComma() throws InvalidValueException {
        assertThat(PythonLiteral.parseStringList("[]")).isEmpty();
        assertThat(PythonLiteral.parseStringList("  ['a',]  ")).containsExactly("a");
        assertThat(PythonLiteral.parseStringList("('a', 'b')")).containsExactly("a", "b");
    }

    @Test
    void readsUnicodeEscapesAndRawText() throws InvalidValueException {
        assertThat(PythonLiteral.parseStringList(
                "['\\u00b0C', '\\xb5m', '\\U0001F600', '\\N{GREEK SMALL LETTER PI}', '\\101', 'é 中']"))
                .containsExactly("°C", "µm", "😀", "π", "A", "é 中");
        assertThat(PythonLiteral.parseStringList("['tab\\there', 'new\\nline', '\\\\frac{1}{2}', '\\d']"))
                .containsExactly("tab\there", "new\nline", "\\frac{1}{2}", "\\d");
        assertThat(PythonLiteral.parseStringList("[r'\\frac', u'x']")).containsExactly("\\frac", "x");
    }

    @Test
    void joinsAdjacentLiteralsAsPythonDoes() throws InvalidValueException {
        assertThat(PythonLiteral.parseStringList("['a' \"b\", 'c']")).containsExactly("ab", "c");
    }

    @Test
    void rejectsBrokenLiteralsWithTheOffset() {
        assertThatThrownBy(() -> PythonLiteral.parseStringList("['a', 'b'"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("at offset 9");
        assertThatThrownBy(() -> PythonLiteral.parseStringList("['a' 1]"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("expected ',' or ']' at offset 5");
        assertThatThrownBy(() -> PythonLiteral.parseStringList("A, B, C"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("'[' or '('");
        assertThatThrownBy(() -> PythonLiteral.parseStringList("['\\x4']")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PythonLiteral.parseStringList("[b'x']")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PythonLiteral.parseStringList("['a'] extra")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PythonLiteral.parseStringList(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void nestedListsAreOneOptionOnlyWhereTheOfficialEvaluatorReadsThem() throws Exception {
        PythonLiteral.Options read = PythonLiteral.parseOptions("[['A', 'B', 'Not enough information']]");
        assertThat(read.items()).containsExactly("['A', 'B', 'Not enough information']");
        assertThat(read.nested()).isTrue();
        assertThat(PythonLiteral.parseOptions("[[\"it's\", 'x\\\\y'], 'c']").items())
                .containsExactly("[\"it's\", 'x\\\\y']", "c");
        assertThat(PythonLiteral.parseOptions("['a', 'b']")).isEqualTo(new PythonLiteral.Options(java.util.List.of("a", "b"), false));
        assertThatThrownBy(() -> PythonLiteral.parseStringList("[['a']]")).isInstanceOf(InvalidValueException.class);
    }
}
