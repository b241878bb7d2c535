package dev.interfeedback.sample;

import dev.interfeedback.junit.InterFeedbackBenchmark;

/** 16 real MMMU-Pro rows (standard, 10 options) with their images; detailed feedback, up to 3 rounds. */
@InterFeedbackBenchmark(id = "mmmu-pro-sample", dataset = "src/test/resources/datasets/mmmu-pro-sample.jsonl")
class MmmuProSampleBenchmark {}
