package it;

import dev.interfeedback.junit.InterFeedbackBenchmark;

@InterFeedbackBenchmark(id = "missing-data", dataset = "src/test/resources/no-such-dataset.jsonl")
class MissingDataBenchmark {}
