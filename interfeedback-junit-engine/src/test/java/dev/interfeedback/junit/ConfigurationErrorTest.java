package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.interfeedback.junit.fixtures.MissingDatasetBenchmark;
import dev.interfeedback.junit.fixtures.MissingKeyBenchmark;
import dev.interfeedback.junit.fixtures.SimulatedBenchmark;
import dev.interfeedback.junit.fixtures.UnknownAliasBenchmark;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventType;

/**
 * A bad configuration fails its benchmark (the container) with a message that names what is
 * wrong, and is reported as a discovery issue; other benchmarks of the run still run.
 */
class ConfigurationErrorTest {

    static final String UNSET_KEY_VARIABLE = "IF_TEST_KEY_VARIABLE_NOBODY_SETS";

    @TempDir
    Path output;

    @Test
    void anUnknownAliasNamesTheAliasAndTheKeyToSet() {
        String message = benchmarkFailure(run(Map.of(), selectClass(UnknownAliasBenchmark.class)));

        assertThat(message).contains("UnknownAliasBenchmark").contains("\"nobody-configured-this\"")
                .contains("interfeedback.model.nobody-configured-this.url");
        assertThat(discoveryIssues(UnknownAliasBenchmark.class)).singleElement()
                .satisfies(issue -> assertThat(issue.message()).isEqualTo(message));
    }

    @Test
    void aMissingApiKeyVariableNamesTheVariable() {
        String message = benchmarkFailure(run(Map.of(), selectClass(MissingKeyBenchmark.class)));

        assertThat(message).contains("MissingKeyBenchmark").contains(UNSET_KEY_VARIABLE);
    }

    @Test
    void anUnreadableDatasetNamesTheFile() {
        String message = benchmarkFailure(run(Map.of(), selectClass(MissingDatasetBenchmark.class)));

        assertThat(message).contains("MissingDatasetBenchmark").contains("no-such-dataset.jsonl")
                .contains("file not found");
        assertThat(discoveryIssues(MissingDatasetBenchmark.class)).singleElement()
                .satisfies(issue -> assertThat(issue.message()).contains("no-such-dataset.jsonl"));
    }

    @Test
    void anUnknownConfigurationParameterFailsTheBenchmarkNamingTheClosestKey() {
        String message = benchmarkFailure(run(Map.of("interfeedback.recevier", "sim-receiver",
                "interfeedback.model.sim-receiver.api_key_env", "KEY"), selectClass(SimulatedBenchmark.class)));

        assertThat(message).contains("SimulatedBenchmark")
                .contains("interfeedback.recevier (did you mean interfeedback.receiver?)")
                .contains("interfeedback.model.sim-receiver.api_key_env (did you mean interfeedback.model.sim-receiver.api-key-env?)");
    }

    @Test
    void anUnknownSystemPropertyFailsTheBenchmark() {
        System.setProperty("interfeedback.retry.max-atempts", "2");
        try {
            // Implicit parameters are what the Console Launcher and Surefire see: -D and junit-platform.properties.
            String message = benchmarkFailure(EngineTestKit.engine(new InterFeedbackTestEngine(name -> null))
                    .selectors(selectClass(SimulatedBenchmark.class))
                    .configurationParameters(parameters(Map.of()))
                    .enableImplicitConfigurationParameters(true)
                    .execute());

            assertThat(message).contains("interfeedback.retry.max-atempts (did you mean interfeedback.retry.max-attempts?)");
        } finally {
            System.clearProperty("interfeedback.retry.max-atempts");
        }
    }

    @Test
    void theMavenGoalsPropertiesPassTheEngine() {
        EngineExecutionResults results = run(Map.of("interfeedback.skip", "false", "interfeedback.baseline.update", "true",
                "interfeedback.haltOnFailure", "false"), selectClass(SimulatedBenchmark.class));

        assertThat(Tally.of(results, "benchmark")).isEqualTo(new Tally(1, 1, 0, 0, 0));
    }

    @Test
    void aValueOutOfItsRangeFailsTheBenchmarkAtDiscovery() {
        String message = benchmarkFailure(run(Map.of("interfeedback.progress.interval-seconds", "-1"),
                selectClass(SimulatedBenchmark.class)));

        assertThat(message).contains("interfeedback.progress.interval-seconds: expected a whole number between 0 and 86400, found \"-1\"");
    }

    @Test
    void twoBenchmarksWithOneIdAreAnError() {
        EngineExecutionResults results = run(Map.of(), selectClass(SimulatedBenchmark.class),
                selectClass(dev.interfeedback.junit.fixtures.duplicate.SimulatedBenchmark.class));

        assertThat(Tally.of(results, "benchmark")).isEqualTo(new Tally(2, 1, 1, 0, 0));
        assertThat(Tally.events(results, "benchmark")
                .filter(e -> e.getType() == EventType.FINISHED)
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable())
                .flatMap(java.util.Optional::stream)
                .map(Throwable::getMessage))
                .singleElement().asString()
                .contains("\"SimulatedBenchmark\" is already used by dev.interfeedback.junit.fixtures.SimulatedBenchmark");
    }

    @Test
    void aBrokenBenchmarkDoesNotStopTheOthers() {
        EngineExecutionResults results = run(Map.of(),
                selectClass(UnknownAliasBenchmark.class), selectClass(SimulatedBenchmark.class));

        assertThat(Tally.samples(results)).isEqualTo(new Tally(8, 5, 3, 4, 0));
        assertThat(Tally.of(results, "benchmark")).isEqualTo(new Tally(2, 1, 1, 0, 0));
    }

    @Test
    void aConfigurationParameterSwapsTheReceiver() {
        EngineExecutionResults results = run(Map.of("interfeedback.receiver", "sim-receiver"),
                selectClass(UnknownAliasBenchmark.class));

        assertThat(Tally.of(results, "benchmark")).isEqualTo(new Tally(1, 1, 0, 0, 0));
        assertThat(Tally.samples(results).started()).isPositive();
    }

    private EngineExecutionResults run(Map<String, String> extra, DiscoverySelector... selectors) {
        return EngineTestKit.engine(new InterFeedbackTestEngine(name -> null))
                .selectors(selectors)
                .configurationParameters(parameters(extra))
                .execute();
    }

    private List<DiscoveryIssue> discoveryIssues(Class<?> benchmark) {
        return EngineTestKit.engine(new InterFeedbackTestEngine(name -> null))
                .selectors(selectClass(benchmark))
                .configurationParameters(parameters(Map.of()))
                .discover()
                .getDiscoveryIssues();
    }

    private Map<String, String> parameters(Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(SimulatedEngineTest.MODELS);
        parameters.put("interfeedback.model.keyed.url", "http://127.0.0.1:9/v1");
        parameters.put("interfeedback.model.keyed.name", "gpt-test");
        parameters.put("interfeedback.model.keyed.api-key-env", UNSET_KEY_VARIABLE);
        parameters.put("interfeedback.output.dir", output.toString());
        parameters.putAll(extra);
        return parameters;
    }

    /** The benchmark container's failure; no sample of it may have started. */
    private static String benchmarkFailure(EngineExecutionResults results) {
        assertThat(Tally.samples(results).started()).isZero();
        return Tally.events(results, "benchmark")
                .filter(e -> e.getType() == EventType.FINISHED)
                .map(e -> e.getRequiredPayload(TestExecutionResult.class))
                .filter(r -> r.getStatus() == TestExecutionResult.Status.FAILED)
                .findFirst().orElseThrow(() -> new AssertionError("the benchmark did not fail"))
                .getThrowable().orElseThrow().getMessage();
    }
}
