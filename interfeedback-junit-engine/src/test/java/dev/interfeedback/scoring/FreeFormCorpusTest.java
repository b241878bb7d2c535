package dev.interfeedback.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.dataset.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The free-form verdicts over all 352 free-form records of MathVerse testmini (Text Only), with
 * each ground truth written the ways models write it: each rewriting must be accepted, and other
 * records' answers, and near misses of its own, must not. Prints the table the README quotes.
 */
class FreeFormCorpusTest {

    private static final Scorer SCORER = new Scorer();
    private static List<Sample> records;

    @BeforeAll
    static void load() throws IOException {
        records = freeFormRecords();
    }

    /** The 352 free-form records of the Text Only testmini, as free-form samples with the published answers. */
    static List<Sample> freeFormRecords() throws IOException {
        try (InputStream in = FreeFormCorpusTest.class.getResourceAsStream("/mathverse/testmini_text_only.json")) {
            List<Sample> freeForm = new ArrayList<>();
            for (JsonNode record : new ObjectMapper().readTree(in)) {
                if (!record.get("question_type").asText().equals("multi-choice")) {
                    freeForm.add(new Sample("mathverse-" + record.get("sample_index").asText(), record.get("question").asText(),
                            List.<Path>of(), List.of(), record.get("answer").asText(), "Text Only", Map.of()));
                }
            }
            return freeForm;
        }
    }

    /** Ways a model writes an answer equal to the ground truth, by kind. */
    private static final Map<String, UnaryOperator<String>> EQUIVALENT = new LinkedHashMap<>();

    static {
        EQUIVALENT.put("bare ground truth", t -> t);
        EQUIVALENT.put("\"Therefore, the answer is X.\"", t -> "We compute it step by step.\nTherefore, the answer is " + t + ".");
        EQUIVALENT.put("\"Answer: X\" line", t -> "Reasoning first, with numbers 2^3 = 8.\nAnswer: " + t);
        EQUIVALENT.put("\\boxed{X}", t -> "So the result is $\\boxed{" + t.replace("$", "") + "}$ as required.");
        EQUIVALENT.put("final sentence \"... is X.\"", t -> "Using the formula, with r = 3 cm^2.\nThe required value is " + t + ".");
        EQUIVALENT.put("plain text (a/b, sqrt, °, π)", FreeFormCorpusTest::plain);
        EQUIVALENT.put("\"Answer: X\" in plain text", t -> "Answer: " + plain(t));
        EQUIVALENT.put("sides of = swapped", t -> "Answer: " + swapped(t));
    }

    @Test
    void equivalentFormsAreAcceptedAndOtherAnswersAreNot() {
        System.out.printf("%n%-34s %9s %9s %8s%n", "rewriting (352 free-form records)", "accepted", "share", "unsure");
        List<String> rejected = new ArrayList<>();
        int forms = 0;
        int unsure = 0;
        for (Map.Entry<String, UnaryOperator<String>> kind : EQUIVALENT.entrySet()) {
            int accepted = 0;
            int kindUnsure = 0;
            for (Sample sample : records) {
                String response = kind.getValue().apply(sample.answer());
                Verdict verdict = SCORER.score(response, sample);
                if (verdict.correct()) {
                    accepted++;
                } else {
                    rejected.add(kind.getKey() + " " + sample.id() + ": " + response.replace("\n", "\\n") + " -> " + verdict);
                }
                if (!verdict.certain()) {
                    kindUnsure++;
                }
            }
            forms += records.size();
            unsure += kindUnsure;
            System.out.printf("%-34s %5d/%d %8.1f%% %7.1f%%%n", kind.getKey(), accepted, records.size(),
                    100.0 * accepted / records.size(), 100.0 * kindUnsure / records.size());
            assertThat(100.0 * accepted / records.size()).as(kind.getKey() + "\n" + String.join("\n", rejected))
                    .isGreaterThanOrEqualTo(95.0);
        }
        System.out.printf("unsure verdicts over the equivalent forms: %d/%d (%.1f%%)%n", unsure, forms, 100.0 * unsure / forms);
        rejected.forEach(r -> System.out.println("  rejected " + r));

        int pairs = 0;
        List<String> accepted = new ArrayList<>();
        for (Sample sample : records) {
            for (Sample other : records) {
                if (other == sample || sameAnswer(other.answer(), sample.answer())) {
                    continue;
                }
                pairs++;
                if (SCORER.score("Answer: " + other.answer(), sample).correct()) {
                    accepted.add(sample.id() + " (" + sample.answer() + ") accepted " + other.id() + " (" + other.answer() + ")");
                }
            }
        }
        // Those accepted are the same value written differently (4.4 m and 4.4; 36π cm³ and 113.10 cm³).
        System.out.printf("%-34s %5d/%d %8.3f%%%n", "other records' answers", accepted.size(), pairs, 100.0 * accepted.size() / pairs);
        accepted.forEach(a -> System.out.println("  " + a));
        assertThat(100.0 * accepted.size() / pairs).isLessThanOrEqualTo(1.0);

        List<String> nearMisses = new ArrayList<>();
        int missed = 0;
        for (Sample sample : records) {
            String miss = nearMiss(sample.answer());
            if (miss == null) {
                continue;
            }
            missed++;
            if (SCORER.score("Answer: " + miss, sample).correct()) {
                nearMisses.add(sample.id() + " (" + sample.answer() + ") accepted " + miss);
            }
        }
        System.out.printf("%-34s %5d/%d %8.1f%%%n", "near misses (a digit or + off)", nearMisses.size(), missed,
                100.0 * nearMisses.size() / missed);
        nearMisses.forEach(a -> System.out.println("  " + a));
        assertThat(100.0 * nearMisses.size() / missed).isLessThanOrEqualTo(1.0);
    }

    /** The same answer written twice in the dataset (1 and 1, "Center =(20,10)" and "(20,10)"): not a different one. */
    private static boolean sameAnswer(String a, String b) {
        return squeeze(a).equals(squeeze(b));
    }

    private static String squeeze(String answer) {
        String s = answer.replaceAll("[\\s$]", "");
        int equals = s.lastIndexOf('=');
        return equals >= 0 && s.substring(0, equals).matches("[A-Za-z ]*") ? s.substring(equals + 1) : s;
    }

    private static final Pattern FRAC = Pattern.compile("\\\\d?frac\\s*\\{([^{}]*)}\\s*\\{([^{}]*)}");
    private static final Pattern SQRT = Pattern.compile("\\\\sqrt\\s*\\{([^{}]*)}");
    private static final Pattern UNIT = Pattern.compile("\\\\mathrm\\s*\\{~?\\s*([a-z]+)\\s*}\\s*\\^\\s*\\{?(\\d)}?");

    /** The LaTeX as a model writes it in plain text: (a)/(b), √(x), °, π, cm², no dollars. */
    static String plain(String truth) {
        String s = truth.replace("$", "").replace("\\left", "").replace("\\right", "");
        s = s.replaceAll("^\\{(\\d+)}\\{(\\d+)}", "($1)/($2)"); // the published "{8}{5} \\pi"
        s = UNIT.matcher(s).replaceAll(m -> " " + m.group(1) + (m.group(2).equals("2") ? "²" : m.group(2).equals("3") ? "³" : "^" + m.group(2)));
        String before;
        do {
            before = s;
            s = FRAC.matcher(s).replaceAll(m -> Matcher.quoteReplacement("(" + m.group(1) + ")/(" + m.group(2) + ")"));
            s = SQRT.matcher(s).replaceAll(m -> Matcher.quoteReplacement("√(" + m.group(1) + ")"));
        } while (!s.equals(before));
        s = s.replaceAll("\\^\\s*\\{?\\s*\\\\circ\\s*}?", "°")
                .replace("\\pi", "π").replace("\\infty", "∞").replace("\\cup", "∪")
                .replace("\\leq", "<=").replace("\\geq", ">=").replace("\\cdot", "*")
                .replace("\\ln", "ln").replace("\\cos", "cos").replace("\\sin", "sin")
                .replaceAll("\\\\mathrm\\s*\\{~?([^{}]*)}", " $1").replaceAll("\\\\text\\s*\\{([^{}]*)}", " $1 ");
        s = s.replaceAll("\\^\\{([^{}]*)}", "^($1)").replace("{", "(").replace("}", ")");
        return s.replaceAll("[ \\t]+", " ").strip();
    }

    /** An equation with its two sides swapped ("5 = s" for "s = 5"); anything else as it is. */
    static String swapped(String truth) {
        String s = truth.replace("$", "").strip();
        int equals = s.indexOf('=');
        if (equals <= 0 || equals != s.lastIndexOf('=') || s.contains("<") || s.contains(">") || s.contains("When")) {
            return truth;
        }
        return s.substring(equals + 1).strip() + " = " + s.substring(0, equals).strip();
    }

    private static final Pattern DIGIT = Pattern.compile("(?<!\\^\\{?)\\d");

    /** The ground truth with the sign of its first + turned (an equation or expression), else its first digit changed. */
    static String nearMiss(String truth) {
        int plus = truth.indexOf('+');
        if (plus >= 0 && truth.contains("x")) {
            return truth.substring(0, plus) + "-" + truth.substring(plus + 1);
        }
        Matcher digit = DIGIT.matcher(truth);
        if (!digit.find()) {
            return null;
        }
        int d = digit.group().charAt(0) - '0';
        return truth.substring(0, digit.start()) + (d == 9 ? 7 : d + 1) + truth.substring(digit.end());
    }
}
