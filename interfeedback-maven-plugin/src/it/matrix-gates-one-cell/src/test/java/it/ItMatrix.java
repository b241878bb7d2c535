package it;

import dev.interfeedback.junit.InterFeedbackBenchmark;

@InterFeedbackBenchmark(id = "it-matrix", dataset = "src/test/resources/data.jsonl", receivers = {"weak", "fair"},
        providers = "strong", feedbacks = {"binary", "detailed"})
class ItMatrix {}
