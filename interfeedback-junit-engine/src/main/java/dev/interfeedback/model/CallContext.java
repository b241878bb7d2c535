package dev.interfeedback.model;

import java.util.List;
import java.util.Objects;

/**
 * What a call is for. It never goes over the wire and is not part of a cache key: HTTP clients
 * ignore it. The offline simulator reads it, since a simulated model needs the ground truth to
 * decide, by its seeded profile, whether to be right.
 *
 * @param sampleId the dataset's id of the sample being answered
 * @param groundTruth the expected answer (an option letter, or a free-form value)
 * @param options the answer options of a multiple-choice sample, empty for free-form
 * @param purpose why the model is called
 * @param round the round of the episode (0 for the first answer)
 * @param feedbackKind the kind of feedback the receiver just got ("binary", "detailed", ...), or
 *     null at round 0 and for providers
 */
public record CallContext(
        String sampleId,
        String groundTruth,
        List<String> options,
        Purpose purpose,
        int round,
        String feedbackKind) {

    public CallContext {
        Objects.requireNonNull(sampleId, "sampleId");
        Objects.requireNonNull(purpose, "purpose");
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** Why a model is called. */
    public enum Purpose {
        /** The model answers the question (receiver in the loop, or any model at round 0). */
        ANSWER,
        /** The model, as feedback provider, writes feedback on a wrong answer. */
        FEEDBACK
    }
}
