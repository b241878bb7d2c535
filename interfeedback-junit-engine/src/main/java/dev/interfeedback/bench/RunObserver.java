package dev.interfeedback.bench;

import dev.interfeedback.episode.Episode;

/** Told how a run advances, for progress lines. Called from worker threads; implementations are thread-safe. */
public interface RunObserver {

    RunObserver NONE = new RunObserver() {};

    /** Round-0 answers are being collected: {@code total} of them, some perhaps from the journal. */
    default void roundZeroStarted(String benchmark, int total) {}

    default void roundZeroDone(String benchmark) {}

    /** The feedback loop starts for {@code total} samples. */
    default void episodesStarted(String benchmark, int total) {}

    default void episodeDone(String benchmark, Episode episode) {}

    default void finished(String benchmark) {}
}
