package dev.interfeedback.episode;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.scoring.Verdict;

/** Reads an answer out of a response and checks it against the sample's ground truth. */
@FunctionalInterface
public interface Verifier {
    Verdict verify(String response, Sample sample);

    /** A refusal is a wrong answer, whatever its text says; any other response is verified. */
    default Verdict verify(ChatResponse response, Sample sample) {
        return response.refused() ? Verdict.refusal() : verify(response.text(), sample);
    }
}
