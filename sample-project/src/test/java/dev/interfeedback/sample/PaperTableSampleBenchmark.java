package dev.interfeedback.sample;

import dev.interfeedback.junit.InterFeedbackBenchmark;

/**
 * The layout of the paper's Table 1 on the 16 MMMU-Pro rows: three receivers against the three
 * providers with detailed and binary feedback, 18 cells, all simulated here (see "Reproducing the
 * paper" in the README for real models). Each model's round-0 answers are computed once.
 */
@InterFeedbackBenchmark(id = "paper-table", dataset = "src/test/resources/datasets/mmmu-pro-sample.jsonl",
        receivers = {"sim-receiver-a", "sim-receiver-b", "sim-receiver-c"},
        providers = {"sim-gpt-4o", "sim-gemini-1.5-flash", "sim-claude-3.5-sonnet"},
        feedbacks = {"detailed", "binary"})
class PaperTableSampleBenchmark {}
