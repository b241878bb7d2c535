package dev.interfeedback.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.report.RunFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report built from saved files: what it reads, what it refuses, and how its data stays inert. */
class HtmlReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void dataForTheScriptCannotEndAScriptOpenACommentOrBreakALine() throws Exception {
        ObjectNode data = JSON.createObjectNode();
        String hostile = "</script><!-- & \u2028 \u2029 '\"";
        data.put("answer", hostile);

        String json = ScriptData.json(data);

        assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\u2029", "'");
        assertThat(JSON.readTree(json).path("answer").asText()).isEqualTo(hostile);
    }

    @Test
    void anObjectWhoseLastFieldIsStreamedFromAFileIsTheSameBytesAsTheObjectWrittenWhole() throws Exception {
        ObjectNode whole = JSON.createObjectNode();
        whole.put("runId", "r1");
        whole.putArray("benchmarks").add("b");
        ObjectNode head = whole.deepCopy();
        var samples = whole.putArray("samples");
        samples.addObject().put("q", "</script> caf\u00e9 \u2028 \uD83D\uDE00");
        samples.addObject().put("n", 2);
        Path tail = dir.resolve("samples.tmp");
        try (var out = Files.newBufferedWriter(tail, StandardCharsets.UTF_8);
                var json = ScriptData.generator(out)) {
            json.writeStartArray();
            for (JsonNode sample : samples) json.writeTree(sample);
            json.writeEndArray();
        }

        ScriptData.write(dir.resolve("whole.js"), "index", whole);
        ScriptData.writeObject(dir.resolve("streamed.js"), "index", head, "samples", tail);

        assertThat(Files.readAllBytes(dir.resolve("streamed.js"))).isEqualTo(Files.readAllBytes(dir.resolve("whole.js")));
    }

    @Test
    void aPageIsBuiltFromSavedFilesAloneAndRebuiltKeepingItsImages() throws Exception {
        Path output = ReportRuns.sampleRun(dir.resolve("out"));
        Path images = output.resolve("report/images");
        List<Path> copied;
        try (Stream<Path> files = Files.list(images)) {
            copied = files.toList();
        }
        // 16 MMMU-Pro rows, some sharing an image: each image once, named by its digest.
        assertThat(copied).isNotEmpty().allSatisfy(image -> assertThat(image.getFileName().toString())
                .isEqualTo(ReportImages.digest(Files.readAllBytes(image)) + ".png"));

        Files.delete(output.resolve("report/index.html"));
        Path page = HtmlReport.write(output);

        String html = Files.readString(page);
        JsonNode results = ReportRuns.results(output);
        for (JsonNode benchmark : results.path("benchmarks")) {
            double accuracy = benchmark.path("accuracy").path("value").asDouble();
            assertThat(html).contains("data-figure=\"" + benchmark.path("id").asText() + "/accuracy\" data-value=\"" + accuracy
                    + "\">" + ReportRuns.percent(accuracy) + "<");
        }
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self';");
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:|//)").doesNotContain("<script>").doesNotContain(" style=");
        try (Stream<Path> files = Files.list(images)) {
            assertThat(files.toList()).containsExactlyInAnyOrderElementsOf(copied);
        }
        // 64 samples in chunks of 250: one chunk, and the index.
        assertThat(output.resolve("report/data/transcripts-00000.js")).exists();
        assertThat(output.resolve("report/data/transcripts-00001.js")).doesNotExist();
    }

    @Test
    void episodesWrittenBeforeTheReportExistedStillMakeAPageAndUnknownFieldsAreIgnored() throws Exception {
        Files.writeString(dir.resolve(RunFiles.RESULTS), """
                {"schemaVersion": 1, "runId": "old", "benchmarks": [{"id": "b", "counts": {"samples": 1},
                 "accuracy": {"value": 1.0, "low": 0.2, "high": 1.0}, "perRound": [], "perCategory": [], "prompts": {"x": 1}}]}
                """);
        Files.writeString(dir.resolve(RunFiles.EPISODES), """
                {"benchmark": "b", "runId": "old", "sampleId": "s1", "category": "c", "status": "CORRECT_AT_ROUND_0",
                 "rounds": [{"round": 0, "answer": "Answer: A", "extracted": "A", "correct": true, "annotator": "ann", "durationMs": 5}]}
                """.replace("\n ", " "));

        String html = Files.readString(HtmlReport.write(dir));

        assertThat(html).contains("data-figure=\"b/accuracy\" data-value=\"1.0\">100.0%<");
        assertThat(Files.readString(dir.resolve("report/data/index.js"))).contains("\"id\":\"s1\"");
    }

    @Test
    void aBrokenEpisodeLineIsNamedByFileAndLine() throws Exception {
        Files.writeString(dir.resolve(RunFiles.RESULTS), "{\"schemaVersion\": 1, \"benchmarks\": []}");
        Files.writeString(dir.resolve(RunFiles.EPISODES), "{\"benchmark\": \"b\", \"sampleId\": \"s1\"}\n{not json\n");

        assertThatThrownBy(() -> HtmlReport.write(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining(dir.resolve(RunFiles.EPISODES) + " line 2: expected a JSON object");
        assertThatThrownBy(() -> HtmlReport.write(dir.resolve("nowhere"))).isInstanceOf(IOException.class)
                .hasMessageContaining("no results.json in " + dir.resolve("nowhere") + ": run the benchmarks first");
    }

    @Test
    void aNewRunClearsTheLastRunsReportAndCheckVerdict() throws Exception {
        Files.createDirectories(dir.resolve("report/images"));
        Files.writeString(dir.resolve("report/index.html"), "old");
        Files.writeString(dir.resolve(RunFiles.CHECK), "{}");

        RunFiles.clearPrevious(dir);

        assertThat(dir.resolve("report")).doesNotExist();
        assertThat(dir.resolve(RunFiles.CHECK)).doesNotExist();
    }

    @Test
    void twoRunsSideBySideListTheSamplesThatChangedVerdict() throws Exception {
        Path before = dir.resolve("before"), after = dir.resolve("after");
        write(before, "s1", "CORRECT_AT_ROUND_0", "s2", "NOT_CORRECTED", "s3", "CORRECTED");
        write(after, "s1", "NOT_CORRECTED", "s2", "CORRECTED", "s3", "CORRECT_AT_ROUND_0");

        String html = Files.readString(HtmlReport.write(after, before), StandardCharsets.UTF_8);

        assertThat(html).contains("<p id=\"changed-count\">2 of 3 samples in both runs changed verdict");
        assertThat(html).contains("<a href=\"#sample/b/s1\">s1</a></td><td>CORRECT_AT_ROUND_0</td><td>NOT_CORRECTED</td>");
        assertThat(html).contains("<a href=\"#sample/b/s2\">s2</a>").doesNotContain("<a href=\"#sample/b/s3\">");
        String index = Files.readString(after.resolve("report/data/index.js"));
        assertThat(index).contains("\"compared\":true").contains("\"id\":\"s1\"").contains("\"o\":\"CORRECT_AT_ROUND_0\"");
    }

    private static void write(Path run, String... statuses) throws IOException {
        Files.createDirectories(run);
        Files.writeString(run.resolve(RunFiles.RESULTS), "{\"schemaVersion\": 1, \"runId\": \"" + run.getFileName()
                + "\", \"benchmarks\": [{\"id\": \"b\"}]}");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < statuses.length; i += 2) {
            lines.append("{\"benchmark\": \"b\", \"sampleId\": \"").append(statuses[i]).append("\", \"status\": \"")
                    .append(statuses[i + 1]).append("\", \"rounds\": []}\n");
        }
        Files.writeString(run.resolve(RunFiles.EPISODES), lines);
    }
}
