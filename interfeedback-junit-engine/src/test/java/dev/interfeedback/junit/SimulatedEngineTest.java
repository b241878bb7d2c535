package dev.interfeedback.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.interfeedback.junit.fixtures.SimulatedBenchmark;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class SimulatedEngineTest {

    @TempDir
    Path output;

    @Test
    void explore() {
        EngineExecutionResults results = EngineTestKit.engine(new InterFeedbackTestEngine())
                .selectors(selectClass(SimulatedBenchmark.class))
                .configurationParameters(Map.of(
                        "interfeedback.model.sim-receiver.url", "simulator:?accuracy=0.4&binary-fix=0.3&eliminate=false&seed=11",
                        "interfeedback.model.sim-provider.url", "simulator:?accuracy=0.7&seed=5",
                        "interfeedback.output.dir", output.toString()))
                .execute();

        System.out.println(Tally.samples(results));
        System.out.println(Tally.rounds(results));
    }
}
