package dev.interfeedback.junit.surefire;

import dev.interfeedback.junit.InterFeedbackBenchmark;

/**
 * A benchmark that this module's own Surefire run executes through the engine, configured by the
 * {@code configurationParameters} of the Surefire plugin in the module's pom. Every sample passes
 * or is skipped: with four options, elimination and three rounds, every test-set sample is
 * corrected by round 3. Its report is {@code target/surefire-reports/TEST-...FourOptionsBenchmarkTest.xml}.
 */
@InterFeedbackBenchmark(dataset = "src/test/resources/datasets/four-options.jsonl",
        receiver = "surefire-receiver", provider = "surefire-provider", feedback = "binary", rounds = 3)
public class FourOptionsBenchmarkTest {}
