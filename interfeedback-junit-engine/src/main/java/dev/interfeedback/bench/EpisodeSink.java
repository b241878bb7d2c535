package dev.interfeedback.bench;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.RoundZero;

/**
 * Told of every finished episode with what a reader of it needs besides: the sample it answers
 * and the provider's own round-0 answer (what {@code episodes.jsonl} and the HTML report show).
 * Called from the runner's worker threads at once: implementations are thread-safe.
 */
@FunctionalInterface
public interface EpisodeSink {

    /** @param providerRoundZero the provider's round-0 answer to the sample, or null when it has none */
    void accept(Sample sample, RoundZero providerRoundZero, Episode episode);
}
