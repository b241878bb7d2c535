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

    private final Map<String, CompletableFuture<RoundZero>> answers = new ConcurrentHashMap<>();

    Answer answer(String alias, Sample sample, Supplier<RoundZero> ask) {
        CompletableFuture<RoundZero> mine = new CompletableFuture<>();
        CompletableFuture<RoundZero> first = answers.putIfAbsent(alias + "\n" + sample.id(), mine);
        if (first != null) return new Answer(first.join(), false);
        try {
            RoundZero answer = ask.get();
            mine.complete(answer);
            return new Answer(answer, true);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
