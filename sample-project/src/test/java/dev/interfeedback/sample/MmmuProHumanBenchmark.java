package dev.interfeedback.sample;

import dev.interfeedback.junit.InterFeedbackBenchmark;

/**
 * InterFeedback-Human on the 16 MMMU-Pro rows: a person gives the feedback, by the paper's protocol
 * (a hint, an explanation, then the answer). {@code mvn verify} replays the committed session in
 * {@code src/test/resources/human/recorded-session.jsonl}; {@code mvn interfeedback:human} opens the
 * page for a person (see the README's "Running a human study in a day").
 */
@InterFeedbackBenchmark(id = "mmmu-pro-human", dataset = "src/test/resources/datasets/mmmu-pro-sample.jsonl", feedback = "human")
class MmmuProHumanBenchmark {}
