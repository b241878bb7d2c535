package dev.interfeedback.episode;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.scoring.Verdict;

/** Reads an answer out of a response and checks it against the sample's ground truth. */
@FunctionalInterface
public interface Verifier {
    Verdict verify(String response, Sample sample);
}
