package it;

import dev.interfeedback.junit.InterFeedbackBenchmark;

@InterFeedbackBenchmark(id = "keyed", dataset = "src/test/resources/data.jsonl", receiver = "keyed")
class KeyedBenchmark {}
