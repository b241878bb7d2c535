package dev.interfeedback.maven.results;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * What a limit can be set on: each rate, the field that holds it in results.json, the counts it
 * is computed from, and which errors leave its denominator (see {@link Counts}).
 */
public enum Counter {
    /** Corrected among the test set (receiver wrong at round 0, provider right). */
    CORRECTION_RATE("correction rate", "correctionRate", Counts::corrected, Counts::testSet, "corrected / testSet",
            c -> "the test set is empty (of " + c.wrongAtRound0() + " samples wrong at round 0, " + c.excluded()
                    + " are excluded, the provider cannot solve them, and " + c.errorsAfterRound0() + " errored after round 0)",
            Counts::errors),
    /** Right at round 0, over the samples answered at round 0. */
    ACCURACY("accuracy", "accuracy", Counts::correctAtRound0, c -> c.correctAtRound0() + c.wrongAtRound0(),
            "correctAtRound0 / (correctAtRound0 + wrongAtRound0)", c -> "no sample was answered at round 0",
            Counts::errorsAtRound0),
    /** Samples whose model calls failed, among all samples. */
    ERROR_RATE("error rate", "errorRate", Counts::errors, Counts::samples, "errors / samples", c -> "there are no samples",
            c -> 0),
    /**
     * The answer-maintenance control: samples right at round 0 that kept the right answer when
     * told it was wrong, among those pushed. Its counts are its own ({@code maintenance.kept /
     * maintenance.tested}), read apart from {@code counts}; undefined when the run did not run it.
     */
    MAINTENANCE_RATE("maintenance rate", "maintenance", c -> 0, c -> 0, "maintenance.kept / maintenance.tested",
            c -> "the run did not run the answer-maintenance control (interfeedback.maintenance=true), or no sample"
                    + " right at round 0 was pushed to the end", c -> 0);

    private final String label;
    private final String field;
    private final ToLongFunction<Counts> successes;
    private final ToLongFunction<Counts> trials;
    private final String formula;
    private final Function<Counts, String> whyUndefined;
    private final ToLongFunction<Counts> errorsLeavingDenominator;

    Counter(String label, String field, ToLongFunction<Counts> successes, ToLongFunction<Counts> trials, String formula,
            Function<Counts, String> whyUndefined, ToLongFunction<Counts> errorsLeavingDenominator) {
        this.label = label;
        this.field = field;
        this.successes = successes;
        this.trials = trials;
        this.formula = formula;
        this.whyUndefined = whyUndefined;
        this.errorsLeavingDenominator = errorsLeavingDenominator;
    }

    public String label() {
        return label;
    }

    /** The rate's field in results.json. */
    String field() {
        return field;
    }

    long successes(Counts counts) {
        return successes.applyAsLong(counts);
    }

    long trials(Counts counts) {
        return trials.applyAsLong(counts);
    }

    /** How the rate follows from the counts, in results.json's names. */
    String formula() {
        return formula;
    }

    /** Why the rate has no value when its denominator is 0. */
    public String whyUndefined(Counts counts) {
        return whyUndefined.apply(counts);
    }

    /** Errors that left this rate's denominator, so that they may be why it is empty. */
    public long errorsLeavingDenominator(Counts counts) {
        return errorsLeavingDenominator.applyAsLong(counts);
    }

    public static Counter parse(String value) {
        for (Counter counter : values()) {
            if (counter.name().equalsIgnoreCase(value == null ? "" : value.trim())) return counter;
        }
        throw new IllegalArgumentException("unknown counter \"" + value + "\"; expected one of "
                + Arrays.toString(values()).toUpperCase(Locale.ROOT));
    }
}
