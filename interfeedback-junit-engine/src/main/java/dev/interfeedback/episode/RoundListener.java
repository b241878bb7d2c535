package dev.interfeedback.episode;

import dev.interfeedback.dataset.Sample;

/** Told of every round as soon as it is verified, so a test tree can show rounds as they happen. */
@FunctionalInterface
public interface RoundListener {

    RoundListener NONE = (sample, round) -> {};

    void roundFinished(Sample sample, Round round);
}
