package dev.interfeedback.scoring;

import dev.interfeedback.dataset.Sample;
import java.util.Locale;
import java.util.Optional;

/**
 * The verifier of the feedback loop: reads a response's answer and checks it against the ground
 * truth, reward 1 for an exact match and 0 otherwise. Multiple-choice samples are read as the
 * official MMMU-Pro evaluator reads them; free-form samples by value or normalized text. A
 * response with no readable answer is {@link Verdict#unparsed()}, always wrong.
 *
 * <p>Stateless and thread-safe: one instance may serve every episode at once.
 */
public final class Scorer {

    private final MultipleChoiceExtractor choices = new MultipleChoiceExtractor();
    private final FreeFormExtractor freeForm = new FreeFormExtractor();
    private final AnswerNormalizer normalizer = new AnswerNormalizer();
    private final FreeFormMatcher matcher = new FreeFormMatcher();

    public Verdict score(String response, Sample sample) {
        return sample.isMultipleChoice() ? scoreChoice(response, sample) : scoreFreeForm(response, sample);
    }

    private Verdict scoreChoice(String response, Sample sample) {
        if (sample.answer().contains(",")) {
            return scoreSeveralChoices(response, sample);
        }
        Optional<String> letter = choices.extract(response, sample.options());
        return letter.map(l -> new Verdict(l, sameLetter(l, sample.answer())))
                .orElseGet(Verdict::unparsed);
    }

    /** A question with several right options ("C, D"): right only when exactly those are named. */
    private Verdict scoreSeveralChoices(String response, Sample sample) {
        java.util.TreeSet<String> expected = SeveralLetters.of(sample.answer());
        return SeveralLetters.extract(response, sample.optionLetters())
                .map(named -> new Verdict(String.join(", ", named), named.equals(expected)))
                .orElseGet(Verdict::unparsed);
    }

    private Verdict scoreFreeForm(String response, Sample sample) {
        Optional<NormalizedAnswer> answer = freeForm.extract(response).map(normalizer::normalize)
                .filter(a -> a.numeric() || !a.text().isEmpty());
        if (answer.isEmpty()) {
            return Verdict.unparsed();
        }
        NormalizedAnswer truth = normalizer.normalize(sample.answer());
        return new Verdict(answer.get().text(), matcher.matches(answer.get(), truth));
    }

    /** Whether two option letters are the same: case and surrounding spaces do not count. */
    static boolean sameLetter(String a, String b) {
        return a.strip().toUpperCase(Locale.ROOT).equals(b.strip().toUpperCase(Locale.ROOT));
    }
}
