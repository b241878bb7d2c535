package dev.interfeedback.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.dataset.InvalidValueException;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.dataset.mmmupro.PythonLiteral;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks {@link MultipleChoiceExtractor} against the official MMMU-Pro evaluator's own readings
 * ({@code pred_indexs}) of real GPT-4o responses. Rows where the official parser found nothing
 * and drew a random letter cannot be compared; our extractor reports those as unparsed.
 */
class OfficialParserAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MultipleChoiceExtractor extractor = new MultipleChoiceExtractor();
    private final Scorer scorer = new Scorer();

    record Row(String id, List<String> options, String answer, String response, String officialLetter) {}

    // The unparsed counts are the rows where the official algorithm finds no candidate at all
    // (checked against a transcription of evaluate.py): one vision_cot response names no option.
    @ParameterizedTest
    @CsvSource({"cot, 0", "direct, 0", "vision_cot, 1"})
    void agreesWithOfficialParserOnEveryParsedRow(String setting, int expectedUnparsed) throws IOException {
        List<Row> rows = load("/mmmu-pro/gpt-4o-responses-" + setting + ".jsonl");
        int parsed = 0;
        int agreeing = 0;
        List<String> disagreements = new ArrayList<>();
        List<Row> unparsed = new ArrayList<>();
        for (Row row : rows) {
            Optional<String> letter = extractor.extract(row.response(), row.options());
            if (letter.isEmpty()) {
                unparsed.add(row);
                continue;
            }
            parsed++;
            if (letter.get().equals(row.officialLetter())) {
                agreeing++;
            } else {
                disagreements.add(row.id() + ": ours " + letter.get() + ", official " + row.officialLetter());
            }
        }
        System.out.printf(
                "MMMU-Pro GPT-4o %s: rows=%d parsed=%d agreeing=%d unparsed=%d (official random fallback)%n",
                setting, rows.size(), parsed, agreeing, unparsed.size());

        assertThat(rows).hasSizeGreaterThan(200);
        assertThat(disagreements).as("rows read differently from the official parser").isEmpty();
        assertThat(agreeing).isEqualTo(parsed);
        assertThat(unparsed).hasSize(expectedUnparsed);
        for (Row row : unparsed) {
            Verdict verdict = scorer.score(row.response(), sample(row));
            assertThat(verdict.parsed()).as(row.id()).isFalse();
            assertThat(verdict.reward()).isZero();
        }
    }

    private static Sample sample(Row row) {
        return new Sample(row.id(), "", List.<Path>of(), row.options(), row.answer(), null, Map.of());
    }

    private static List<String> options(String literal) {
        try {
            return PythonLiteral.parseStringList(literal);
        } catch (InvalidValueException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static List<Row> load(String resource) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = OfficialParserAgreementTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                rows.add(new Row(
                        node.get("id").asText(),
                        options(node.get("options").asText()),
                        node.get("answer").asText(),
                        node.get("response").asText(),
                        node.get("pred_indexs").asText()));
            }
        }
        return rows;
    }
}
