package dev.interfeedback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.human.HumanPages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code InterFeedbackCli human ...}: a human session from the command line. */
class HumanSessionCliTest {

    private static final String MMMU_PRO = "../sample-project/src/test/resources/datasets/mmmu-pro-sample.jsonl";
    private static final String RECORDED = "../sample-project/src/test/resources/human/recorded-session.jsonl";

    @TempDir
    Path output;

    @Test
    void humanOpensThePageAfterTheRecordingAndEndsWithTheFilesOfAnyRun() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

        int exit = new InterFeedbackCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), name -> null).run(new String[] {"human",
                        "interfeedback.dataset=" + MMMU_PRO,
                        "interfeedback.model.receiver.url=simulator:?accuracy=0.3&detailed-fix=0.5&seed=4",
                        "interfeedback.human.script=" + RECORDED,
                        "interfeedback.output.dir=" + output});

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode benchmark = new ObjectMapper().readTree(output.resolve("results.json").toFile()).path("benchmarks").get(0);
        assertThat(benchmark.path("feedback").asText()).isEqualTo("human");
        assertThat(benchmark.path("provider").path("alias").asText()).isEqualTo("human");
        assertThat(benchmark.path("counts").path("testSet").asLong()).isEqualTo(benchmark.path("counts").path("wrongAtRound0").asLong());
        assertThat(output.resolve("human/session.jsonl")).as("the page was opened, for what the recording lacks").exists();
        assertThat(HumanPages.urls()).as("and closed at the end").isEmpty();
    }
}
