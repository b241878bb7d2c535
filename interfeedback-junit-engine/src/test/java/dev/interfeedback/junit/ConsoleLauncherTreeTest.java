package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.junit.fixtures.SimulatedBenchmark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.console.ConsoleLauncher;
import org.junit.platform.console.command.CommandResult;

/**
 * The Console Launcher, in process, finds the engine on the class path by its service entry and
 * prints the tree: benchmark, samples, rounds. The output is kept in
 * {@code target/console-launcher-tree.txt} for the README.
 */
class ConsoleLauncherTreeTest {

    @TempDir
    Path output;

    @Test
    void theTreeShowsTheBenchmarkItsSamplesAndTheirRounds() throws Exception {
        List<String> args = new ArrayList<>(List.of("execute", "--disable-banner", "--disable-ansi-colors",
                "--details=tree", "--include-engine=interfeedback", "--select-class=" + SimulatedBenchmark.class.getName(),
                "--config=interfeedback.parallel=false", "--config=interfeedback.output.dir=" + output));
        for (Map.Entry<String, String> model : SimulatedEngineTest.MODELS.entrySet()) {
            args.add("--config=" + model.getKey() + "=" + model.getValue());
        }
        StringWriter out = new StringWriter(), err = new StringWriter();

        CommandResult<?> result = ConsoleLauncher.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));

        String tree = out.toString();
        Files.writeString(Path.of("target/console-launcher-tree.txt"), tree, StandardCharsets.UTF_8);
        assertThat(result.getExitCode()).as(err.toString()).isEqualTo(1); // three samples are not corrected
        assertThat(tree).contains("InterFeedback")
                .contains("SimulatedBenchmark")
                .contains("q02 [statistics]")
                .contains("round 0 = `answered D (wrong)`")
                .contains("round 1 = `answered C (right) after \"Your previous answer is incorrect. Please reconsider and answer again.\"`")
                .contains("outside the test set")
                .contains("not corrected within 2 feedback rounds")
                .containsPattern("\\b12 tests found").containsPattern("\\b5 tests successful")
                .containsPattern("\\b3 tests failed").containsPattern("\\b4 tests skipped")
                .containsPattern("\\b0 containers failed");
    }
}
