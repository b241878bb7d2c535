package dev.interfeedback.bench;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.RoundZero;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Round-0 answers shared by the benchmarks of one matrix, as the paper computes them: once per
 * model and sample, whether the model is a receiver or a provider. A model is known by its alias,
 * which names the same endpoint and settings in every cell of a matrix. A benchmark asking for an
 * answer another is computing waits for it rather than asking the model again.
 */
public final class SharedRoundZero {

    /**
     * An answer as one benchmark got it.
     *
     * @param asked whether this benchmark asked the model (and was billed); false when another
     *     benchmark of the matrix had asked already
     */
    record Answer(RoundZero answer, boolean asked) {}

    /** An answer being asked for or got, and the benchmark that asked. */
    private record Asked(CompletableFuture<RoundZero> answer, Object by) {}

    private final Map<String, Asked> answers = new ConcurrentHashMap<>();

    /**
     * @param benchmark who asks: the benchmark that asked first is billed, in every pass it makes
     *     (a batch run's dry passes, then its run)
     */
    Answer answer(Object benchmark, String alias, Sample sample, Supplier<RoundZero> ask) {
        Asked mine = new Asked(new CompletableFuture<>(), benchmark);
        String key = alias + "\n" + sample.id();
        Asked first = answers.putIfAbsent(key, mine);
        if (first != null) return new Answer(first.answer().join(), first.by() == benchmark);
        try {
            RoundZero answer = ask.get();
            mine.answer().complete(answer);
            // A failure is no answer to share: a later cell, or the next pass of a batch run (whose
            // deferred calls fail the pass that collects them), asks again.
            if (answer.failed()) answers.remove(key, mine);
            return new Answer(answer, true);
        } catch (RuntimeException | Error e) {
            mine.answer().completeExceptionally(e);
            answers.remove(key, mine);
            throw e;
        }
    }
}
