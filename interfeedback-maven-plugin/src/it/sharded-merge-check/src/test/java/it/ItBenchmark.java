package it;

import dev.interfeedback.junit.InterFeedbackBenchmark;

@InterFeedbackBenchmark(id = "it-benchmark", dataset = "src/test/resources/data.jsonl")
class ItBenchmark {}
