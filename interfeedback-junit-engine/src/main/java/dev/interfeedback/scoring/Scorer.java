package dev.interfeedback.scoring;

import dev.interfeedback.dataset.Sample;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The verifier of the feedback loop: reads a response's answer and checks it against the ground
 * truth, reward 1 for an exact match and 0 otherwise. Multiple-choice samples are read as the
 * official MMMU-Pro evaluator reads them; free-form samples as mathematics ({@link Equivalence}).
 * An empty response is wrong ({@link Verdict#empty()}); a response with no readable answer is
 * unparsed, wrong too. Every verdict names the rule that decided and whether it is certain.
 *
 * <p>Stateless and thread-safe: one instance may serve every episode at once.
 */
public final class Scorer {

    private final MultipleChoiceExtractor choices = new MultipleChoiceExtractor();
    private final FreeFormExtractor freeForm = new FreeFormExtractor();
    private final FreeFormReader reader = new FreeFormReader();
    private final Equivalence equivalence = new Equivalence();

    public Verdict score(String response, Sample sample) {
        if (response == null || response.isBlank()) {
            return Verdict.empty();
        }
        return sample.isMultipleChoice() ? scoreChoice(response, sample) : scoreFreeForm(response, sample);
    }

    private Verdict scoreChoice(String response, Sample sample) {
        if (sample.answer().contains(",")) {
            return scoreSeveralChoices(response, sample);
        }
        Optional<String> letter = choices.extract(response, sample.options());
        if (letter.isPresent()) {
            return new Verdict(letter.get(), sameLetter(letter.get(), sample.answer()), "official-parser", true);
        }
        // Where the official parser finds nothing (and would guess), a JSON answer is still an answer.
        return FreeFormExtractor.jsonAnswer(response)
                .map(a -> a.strip().toUpperCase(Locale.ROOT))
                .filter(a -> sample.optionLetters().contains(a))
                .map(a -> new Verdict(a, sameLetter(a, sample.answer()), "json", true))
                .orElseGet(() -> Verdict.unparsed("unparsed"));
    }

    /** A question with several right options ("C, D"): right only when exactly those are named. */
    private Verdict scoreSeveralChoices(String response, Sample sample) {
        TreeSet<String> expected = SeveralLetters.of(sample.answer());
        return SeveralLetters.extract(response, sample.optionLetters())
                .map(named -> new Verdict(String.join(", ", named), named.equals(expected), "several-letters", true))
                .orElseGet(() -> Verdict.unparsed("unparsed"));
    }

    private Verdict scoreFreeForm(String response, Sample sample) {
        Optional<FreeFormExtractor.Extraction> found = freeForm.extract(response);
        if (found.isEmpty()) {
            return Verdict.unparsed("unparsed");
        }
        FreeFormExtractor.Extraction extraction = found.get();
        FreeFormAnswer truth = reader.read(sample.answer());
        Verdict first = null;
        for (int i = 0; i < extraction.readings().size(); i++) {
            FreeFormAnswer answer = reader.read(extraction.readings().get(i));
            if (answer.text().isEmpty()) {
                continue;
            }
            Equivalence.Outcome outcome = equivalence.compare(answer, truth);
            Verdict verdict = new Verdict(answer.text(), outcome.match(), extraction.rule() + "/" + outcome.rule(),
                    extraction.certain() && i == 0 && outcome.certain());
            if (outcome.match()) {
                return verdict;
            }
            first = first == null ? verdict : first;
        }
        return first == null ? Verdict.unparsed(extraction.rule()) : first;
    }

    /** Whether two option letters are the same: case and surrounding spaces do not count. */
    static boolean sameLetter(String a, String b) {
        return a.strip().toUpperCase(Locale.ROOT).equals(b.strip().toUpperCase(Locale.ROOT));
    }
}
