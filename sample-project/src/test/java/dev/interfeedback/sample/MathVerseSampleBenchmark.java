package dev.interfeedback.sample;

import dev.interfeedback.junit.InterFeedbackBenchmark;

/** 48 real MathVerse testmini rows (Text Only), multiple choice and free form. */
@InterFeedbackBenchmark(id = "mathverse-sample", dataset = "src/test/resources/datasets/mathverse-text-only-sample.jsonl")
class MathVerseSampleBenchmark {}
