package dev.interfeedback.bench;

import dev.interfeedback.episode.Episode;

/** Told how a run advances, for progress lines. Called from worker threads; implementations are thread-safe. */
public interface RunObserver {

    RunObserver NONE = new RunObserver() {};

    /**
     * A benchmark of {@code samples} samples starts: each sample gets its two round-0 answers (some
     * perhaps from the journal), then its episode.
     */
    default void started(String benchmark, int samples) {}

    /** One model's round-0 answer to one sample is in. */
    default void roundZeroDone(String benchmark) {}

    default void episodeDone(String benchmark, Episode episode) {}

    default void finished(String benchmark) {}
}
