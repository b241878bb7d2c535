package dev.interfeedback.model.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchOutputTest {

    private static final String ANSWER = "{\"custom_id\":\"%s\",\"response\":{\"status_code\":200,\"body\":{\"id\":\"%s\"}},\"error\":null}";
    private static final String FAILED = "{\"custom_id\":\"%s\",\"response\":null,\"error\":{\"code\":\"batch_expired\"}}";

    private final BatchOutput output = new BatchOutput("out/w.output.jsonl", "out/w.input.jsonl", "w.input.jsonl", Set.of("a", "b", "c", "d"));

    @Test
    void bothReadingsTakeAnswersAndFailuresAlike() throws Exception {
        List<String> lines = List.of(ANSWER.formatted("a", "first"), "", FAILED.formatted("b"));

        for (List<BatchOutput.Line> read : List.of(output.strict(lines), output.lenient(lines))) {
            assertThat(read).extracting(BatchOutput.Line::customId).containsExactly("a", "b");
            assertThat(read.get(0).status()).isEqualTo(200);
            assertThat(read.get(0).body().path("id").asText()).isEqualTo("first");
            assertThat(read.get(0).error()).isNull();
            assertThat(read.get(1).status()).isZero();
            assertThat(read.get(1).error().path("code").asText()).isEqualTo("batch_expired");
        }
    }

    @Test
    void theLenientReadingLeavesOutTheLinesTheStrictOneRefuses() throws Exception {
        List<String> lines = List.of(
                "not json",
                ANSWER.formatted("z", "of another batch"),
                "{\"custom_id\":\"a\",\"response\":{\"status_code\":\"two hundred\",\"body\":{}},\"error\":null}",
                ANSWER.formatted("a", "after a malformed line"),
                ANSWER.formatted("b", "first"),
                ANSWER.formatted("b", "second"),
                "[1,2]");

        assertThat(output.lenient(lines)).extracting(line -> line.body().path("id").asText())
                .containsExactly("after a malformed line", "first");
        assertThatThrownBy(() -> output.strict(lines)).isInstanceOf(BatchFileException.class)
                .hasMessage("batch output file out/w.output.jsonl line 1: expected a JSON object (one answer per line), found not json");
    }

    @Test
    void theStrictReadingNamesTheLineTheFieldAndWhatItExpected() {
        assertThatThrownBy(() -> output.strict(List.of(ANSWER.formatted("a", "x"), ANSWER.formatted("a", "y"))))
                .hasMessage("batch output file out/w.output.jsonl line 2, field \"custom_id\": expected each request answered once,"
                        + " found a second answer (line 1)");
        assertThatThrownBy(() -> output.strict(List.of("{\"response\":null}")))
                .hasMessage("batch output file out/w.output.jsonl line 1, field \"custom_id\": expected the custom id of a request of"
                        + " out/w.input.jsonl, found null");
        assertThatThrownBy(() -> output.strict(List.of("{\"custom_id\":\"c\",\"response\":{\"status_code\":200},\"error\":null}")))
                .hasMessage("batch output file out/w.output.jsonl line 1, field \"response.body\": expected the chat completion,"
                        + " an object, found null");
    }
}
