package dev.interfeedback.episode;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.Usage;
import dev.interfeedback.prompt.Prompts;
import dev.interfeedback.scoring.ScoringFailedException;
import dev.interfeedback.scoring.Verdict;
import java.util.List;

/**
 * A model's first answer to a sample, computed once and reused: by the test-set construction and
 * as round 0 of the receiver's episode.
 *
 * @param response the raw response, or null when the call failed
 * @param finishReason why it ended (see {@link Round#finishReason()}), or null
 * @param verdict the verifier's reading, or null when the call failed
 * @param usage the tokens of the call
 * @param error why the call failed, or null
 */
public record RoundZero(String response, String finishReason, Verdict verdict, Usage usage, String error) {

    public static RoundZero answer(ChatModel model, Verifier verifier, Sample sample) {
        return answer(model, verifier, sample, Prompts.builtIn());
    }

    /** The model's first answer to the question as {@code prompts} put it. */
    public static RoundZero answer(ChatModel model, Verifier verifier, Sample sample, Prompts prompts) {
        CallContext context = new CallContext(sample.id(), sample.answer(), sample.options(),
                CallContext.Purpose.ANSWER, 0, null);
        try {
            ChatResponse response = model.chat(new ChatRequest(List.of(prompts.question(sample)), context));
            return new RoundZero(response.text(), response.finishReason(), verifier.verify(response, sample), response.usage(), null);
        } catch (ModelException e) {
            return failed(model.info().alias() + ": " + e.getMessage());
        } catch (ScoringFailedException e) {
            return failed("scoring: " + e.getMessage());
        }
    }

    /**
     * The provider's round 0 when a person gives the feedback: no call is made, since the human
     * protocol takes the person to solve every sample (the test set is every round-0 error).
     */
    public static RoundZero person(Sample sample) {
        return new RoundZero(sample.answer(), null, new Verdict(sample.answer(), true, "person", true), Usage.NONE, null);
    }

    public static RoundZero failed(String error) {
        return new RoundZero(null, null, null, Usage.NONE, error);
    }

    public boolean failed() {
        return error != null;
    }

    public boolean correct() {
        return !failed() && verdict.correct();
    }

    public Round toRound() {
        return new Round(0, response, finishReason, verdict, null, null);
    }
}
