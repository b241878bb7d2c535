package dev.interfeedback.harness;

import dev.interfeedback.junit.InterFeedbackBenchmark;

/**
 * The harness's dataset as a benchmark class, for its engine mode: {@code dataset.jsonl} in
 * {@code interfeedback.basedir}, everything else from the configuration the harness passes.
 * Tagged as a fixture so that Surefire leaves it alone.
 */
@InterFeedbackBenchmark(id = "harness", dataset = "dataset.jsonl", tags = "interfeedback-fixture")
public class HarnessBenchmark {}
