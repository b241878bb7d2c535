package it;

import dev.interfeedback.junit.InterFeedbackBenchmark;

@InterFeedbackBenchmark(id = "it-human", dataset = "src/test/resources/data.jsonl", feedback = "human", rounds = 3)
class HumanBenchmark {}
