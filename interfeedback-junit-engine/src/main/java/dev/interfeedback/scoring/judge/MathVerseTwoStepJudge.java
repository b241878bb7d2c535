package dev.interfeedback.scoring.judge;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.dataset.mathverse.MathVerseLoader;
import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.prompt.Prompts;
import dev.interfeedback.scoring.Verdict;
import java.util.List;

/**
 * MathVerse's official scoring, beside the rule-based {@link dev.interfeedback.scoring.Scorer}: a
 * judge model first extracts the answer from the response (step 1), then judges whether it is
 * consistent with the ground truth (step 2), each with the publisher's few-shot prompt. The judge
 * sees the question and the answer exactly as published (kept in the sample's metadata by the
 * MathVerse loader), as the official scripts do.
 *
 * <p>Where the official script asks again forever when the judgement is neither 0 nor 1, this one
 * asks at most {@code attempts} times and then throws {@link JudgeException}. Use it as the
 * benchmark's verifier: {@code judge::judge}. Thread-safe when the model is.
 */
public final class MathVerseTwoStepJudge {

    /** The rule a judge's verdicts record. */
    public static final String RULE = "judge";

    /** The official script's model call has temperature 0; our clients send 0 for every call. */
    private final ChatModel judge;
    private final int attempts;

    public MathVerseTwoStepJudge(ChatModel judge, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, found " + attempts);
        }
        this.judge = judge;
        this.attempts = attempts;
    }

    public MathVerseTwoStepJudge(ChatModel judge) {
        this(judge, 3);
    }

    /** Same shape as {@code Verifier.verify}: the extracted answer and the judge's verdict. */
    public Verdict judge(String response, Sample sample) {
        if (response == null || response.isBlank()) {
            return Verdict.empty(); // wrong on every path, without asking the judge
        }
        String extraction = ask(MathVerseJudgePrompts.extract(response), sample)
                .replace("Extracted Answer: ", "").strip();
        if (extraction.isEmpty()) {
            return Verdict.unparsed(RULE); // the official step 2 does not judge an empty extraction either
        }
        String prompt = MathVerseJudgePrompts.score(question(sample), answer(sample), extraction);
        String last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            last = ask(prompt, sample).replace("Judgement:", "").strip();
            if (last.equals("0") || last.equals("1")) {
                return new Verdict(extraction, last.equals("1"), RULE, true);
            }
        }
        throw new JudgeException("the judge " + judge.info() + " answered \"" + abbreviate(last) + "\" instead of 0 or 1, "
                + attempts + " times, for sample " + sample.id(), null);
    }

    private String ask(String prompt, Sample sample) {
        // ANSWER is the only purpose a judge call fits; the simulator is not meant to judge.
        CallContext context = new CallContext(sample.id(), sample.answer(), sample.options(),
                CallContext.Purpose.ANSWER, 0, null);
        try {
            ChatResponse response = judge.chat(new ChatRequest(List.of(Message.user(prompt)), context));
            if (response.refused()) {
                throw new JudgeException("the judge " + judge.info() + " refused for sample " + sample.id() + ": "
                        + abbreviate(response.text()), null);
            }
            return response.text();
        } catch (ModelException e) {
            throw new JudgeException("the judge " + judge.info() + " failed for sample " + sample.id() + ": " + e.getMessage(), e);
        }
    }

    private static String question(Sample sample) {
        return sample.metadata().get(MathVerseLoader.QUESTION_AS_PUBLISHED) instanceof String q ? q : Prompts.questionText(sample);
    }

    private static String answer(Sample sample) {
        return sample.metadata().get(MathVerseLoader.ANSWER_AS_PUBLISHED) instanceof String a ? a : sample.answer();
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 80 ? String.valueOf(text) : text.substring(0, 80) + "...";
    }
}
