package dev.interfeedback.bench;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.episode.RoundZero;
import java.util.Map;

/**
 * The round-0 answers of receiver and provider on the full dataset, and the test set they define:
 * U_test = (samples the receiver gets wrong) ∩ (samples the provider gets right).
 */
public record TestSet(Map<String, RoundZero> receiver, Map<String, RoundZero> provider) {

    public TestSet {
        receiver = Map.copyOf(receiver);
        provider = Map.copyOf(provider);
    }

    public RoundZero receiver(Sample sample) {
        return receiver.get(sample.id());
    }

    public RoundZero provider(Sample sample) {
        return provider.get(sample.id());
    }

    /** Whether the sample goes through the feedback loop. */
    public boolean contains(Sample sample) {
        return contains(sample.id());
    }

    public long size() {
        return receiver.keySet().stream().filter(this::contains).count();
    }

    private boolean contains(String sampleId) {
        return contains(receiver.get(sampleId), provider.get(sampleId));
    }

    /**
     * Whether a sample with these round-0 answers is in the test set: the receiver answered wrong,
     * the provider right.
     */
    public static boolean contains(RoundZero receiver, RoundZero provider) {
        return receiver != null && !receiver.failed() && !receiver.correct() && provider != null && provider.correct();
    }
}
