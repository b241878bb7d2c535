package dev.interfeedback.dataset.mmmupro;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.scoring.Scorer;
import dev.interfeedback.scoring.Verdict;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On real GPT-4o responses, our verdicts against the official MMMU-Pro evaluator's
 * ({@code if_right}). Options are read from the published Python-list string by
 * {@link PythonLiteral}, as the official code reads them with {@code ast.literal_eval}.
 *
 * <p>The only possible disagreements are rows where the official parser found no letter and drew
 * a random one: we call those wrong, the official code is right whenever its draw hits the answer.
 */
class OfficialVerdictAgreementTest {

    private final Scorer scorer = new Scorer();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // setting, rows, agreeing, our correct, official correct
        "cot,        206, 206, 118, 118",
        "direct,     207, 207,  83,  83",
        "vision_cot, 209, 209, 106, 106"})
    void verdictsAgreeWithTheOfficialEvaluator(String setting, int rows, int agreeing, int ours, int official)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        int total = 0;
        int agree = 0;
        int oursCorrect = 0;
        int officialCorrect = 0;
        List<String> disagreements = new ArrayList<>();
        for (String line : Files.readAllLines(ParquetFixtures.REAL.resolve("gpt-4o-responses-" + setting + ".jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = json.readTree(line);
            Sample sample = new Sample(row.get("id").asText(), "", List.of(),
                    PythonLiteral.parseStringList(row.get("options").asText()), row.get("answer").asText(), null, Map.of());
            Verdict verdict = scorer.score(row.get("response").asText(), sample);
            boolean officialRight = row.get("if_right").asBoolean();
            total++;
            oursCorrect += verdict.reward();
            officialCorrect += officialRight ? 1 : 0;
            if (verdict.correct() == officialRight) {
                agree++;
            } else {
                disagreements.add(sample.id() + ": ours " + verdict + ", official " + row.get("pred_indexs").asText());
            }
        }
        System.out.printf("MMMU-Pro GPT-4o %s: rows=%d verdict agreement=%d/%d (%.1f%%) accuracy ours=%.1f%% (%d)"
                        + " official=%.1f%% (%d) disagreements=%s%n", setting, total, agree, total, 100.0 * agree / total,
                100.0 * oursCorrect / total, oursCorrect, 100.0 * officialCorrect / total, officialCorrect, disagreements);

        assertThat(total).isEqualTo(rows);
        assertThat(agree).isEqualTo(agreeing);
        assertThat(oursCorrect).isEqualTo(ours);
        assertThat(officialCorrect).isEqualTo(official);
    }
}
