package dev.interfeedback.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.platform.commons.annotation.Testable;

/**
 * Marks a class as an InterFeedback benchmark: every sample of its dataset is a test, passed when
 * the receiver is right at round 0 or corrected within the allowed feedback rounds.
 *
 * <p>The configuration parameters {@code interfeedback.receiver}, {@code interfeedback.provider},
 * {@code interfeedback.feedback} and {@code interfeedback.rounds} override what is written here,
 * so one class runs against a new release with {@code -Dinterfeedback.receiver=candidate}.
 * Attributes left at their defaults mean "use the configuration, else the built-in default".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Testable
public @interface InterFeedbackBenchmark {

    /**
     * The dataset: a JSONL file, an MMMU-Pro parquet file or config folder, or a MathVerse JSON
     * file. Relative to {@code interfeedback.basedir} (the project's folder under the Maven
     * plugin), else to the working directory.
     */
    String dataset();

    /** {@code jsonl}, {@code mmmu-pro} or {@code mathverse}; guessed from the path when empty. */
    String format() default "";

    /**
     * A subset by subject (MMMU-Pro {@code subject}, MathVerse {@code metadata.subject}); all when
     * empty. {@code interfeedback.dataset.subjects} overrides it.
     */
    String[] subjects() default {};

    /**
     * At most this many samples, a stable seeded choice, so a quick CI run uses a fixed subset;
     * 0 means all. {@code interfeedback.dataset.limit} overrides it.
     */
    int limit() default 0;

    /** The benchmark's id in results; the class's simple name when empty. */
    String id() default "";

    /** Alias of the model under test ({@code interfeedback.model.<alias>.*}). */
    String receiver() default "";

    /** Alias of the model that writes feedback and whose round-0 answers select the test set. */
    String provider() default "";

    /** {@code binary} or {@code detailed}. */
    String feedback() default "";

    /**
     * A matrix of receivers: with {@link #providers()} and {@link #feedbacks()}, the benchmark runs
     * one cell per combination, each a container of its own with the id
     * {@code <id>[<receiver>,<provider>,<feedback>]}. Each model's round-0 answers are computed
     * once and shared by every cell that uses it. Use this or {@link #receiver()}, not both;
     * {@code interfeedback.receivers} overrides it ({@code interfeedback.receiver} does not, since
     * projects set that key for their plain benchmarks).
     */
    String[] receivers() default {};

    /** The matrix's providers; see {@link #receivers()}. */
    String[] providers() default {};

    /** The matrix's feedback kinds; see {@link #receivers()}. */
    String[] feedbacks() default {};

    /** The most feedback rounds a sample gets; 0 means the configuration's (default 3). */
    int rounds() default 0;

    /** Tags of every sample, for the launcher's tag filters (Surefire's {@code groups}). */
    String[] tags() default {};
}
