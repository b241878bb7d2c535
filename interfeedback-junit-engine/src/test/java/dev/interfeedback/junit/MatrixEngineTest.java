package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.junit.fixtures.MatrixBenchmark;
import dev.interfeedback.testing.MatrixTotals;
import dev.interfeedback.testing.LoopbackChat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** A 3 × 2 × 2 matrix of receivers, providers and feedback kinds against a scripted server on loopback. */
class MatrixEngineTest {

    static final int SAMPLES = 10;
    static final List<String> RECEIVERS = List.of("r1", "r2", "r3");
    static final List<String> PROVIDERS = List.of("strong", "p2");
    static final List<String> FEEDBACKS = List.of("binary", "detailed");
    static final UniqueId MATRIX = UniqueId.forEngine(InterFeedbackTestEngine.ENGINE_ID)
            .append("benchmark", MatrixBenchmark.class.getName());

    @TempDir
    Path dir;

    @RegisterExtension
    final LoopbackChat loopback = new LoopbackChat().withDataset(() -> dir.resolve("data"), SAMPLES);

    @Test
    void everyCellIsAContainerOfTheSamplesUnderTheBenchmarkWithAnIdFromItsAliasesAndFeedback() {
        EngineExecutionResults results = run(Map.of(), "all", selectClass(MatrixBenchmark.class));

        List<UniqueId> cells = containers(results, "cell");
        List<UniqueId> expected = new ArrayList<>();
        for (String r : RECEIVERS) for (String p : PROVIDERS) for (String f : FEEDBACKS) expected.add(cell(r, p, f));
        assertThat(cells).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(containers(results, "benchmark")).containsExactly(MATRIX);
        results.testEvents().assertStatistics(stats -> stats.started(12 * SAMPLES - skipped(results)).dynamicallyRegistered(0));
        // every sample sits under its cell
        assertThat(results.testEvents().list().stream().map(e -> e.getTestDescriptor().getUniqueId().removeLastSegment())
                .distinct().toList()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(displayName(results, cell("r2", "p2", "detailed"))).isEqualTo("matrix[r2,p2,detailed]");
    }

    @Test
    void eachModelAnswersEachSampleOnceAtRound0AsReceiverAndAsProvider() {
        run(Map.of(), "all", selectClass(MatrixBenchmark.class));

        Map<String, Integer> roundZero = loopback.server().requestsBySignature().entrySet().stream()
                .filter(e -> e.getKey().endsWith("|answer|0"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // R + P passes over the dataset (3 + 2), not 2 · R · P · F (24)
        assertThat(roundZero).hasSize((RECEIVERS.size() + PROVIDERS.size()) * SAMPLES);
        assertThat(roundZero.values()).containsOnly(1);
    }

    @Test
    void theRunsTotalsChargeASharedRound0AnswerOnceAndEqualWhatTheServerBilled() throws Exception {
        run(Map.of(), "all", selectClass(MatrixBenchmark.class));
        JsonNode results = results(dir.resolve("all"));

        long[] billed = loopback.server().billedTokens();
        assertThat(billed[0]).isPositive();
        assertThat(MatrixTotals.sum(results, "prompt")).isEqualTo(billed[0]);
        assertThat(MatrixTotals.sum(results, "completion")).isEqualTo(billed[1]);
        // the cells' own tokens count each shared round-0 answer once per cell: more than was billed
        assertThat(MatrixTotals.cells(results, "prompt")).isGreaterThan(billed[0]);
        assertThat(MatrixTotals.cells(results, "prompt") - MatrixTotals.shared(results, "prompt")).isEqualTo(billed[0]);
        assertThat(results.path("totals").path("models")).extracting(m -> m.path("alias").asText())
                .containsExactlyInAnyOrder("r1", "r2", "r3", "strong", "p2");
    }

    @Test
    void oneCellRerunsAloneByItsUniqueIdAndEachCellsResultsEqualThatCellRunAlone() throws Exception {
        run(Map.of(), "all", selectClass(MatrixBenchmark.class));
        JsonNode matrix = results(dir.resolve("all"));
        assertThat(matrix.path("benchmarks")).hasSize(12);
        JsonNode cell = benchmark(matrix, "matrix[r3,strong,binary]");
        assertThat(cell.path("matrix").asText()).isEqualTo("matrix");
        assertThat(cell.path("cell").asText()).isEqualTo("r3,strong,binary");
        assertThat(cell.path("receiver").path("alias").asText()).isEqualTo("r3");
        // the cells differ, so that equal figures below say something
        assertThat(benchmark(matrix, "matrix[r1,strong,detailed]").path("counts"))
                .isNotEqualTo(benchmark(matrix, "matrix[r1,p2,detailed]").path("counts"));

        long before = loopback.server().requests();
        EngineExecutionResults one = run(Map.of(), "one", selectUniqueId(cell("r2", "p2", "detailed")));
        assertThat(containers(one, "cell")).containsExactly(cell("r2", "p2", "detailed"));
        assertThat(one.testEvents().list().stream().map(e -> e.getTestDescriptor().getUniqueId()).distinct().count()
                + 0).isEqualTo(SAMPLES);
        assertThat(loopback.server().requests()).isGreaterThan(before);
        // a rerun of some cells keeps the full run's files, as a rerun of some samples does
        JsonNode rerun = results(dir.resolve("one").resolve(RunOutputs.RERUN));
        assertThat(rerun.path("benchmarks")).hasSize(1);
        assertSameFigures(rerun.path("benchmarks").get(0), benchmark(matrix, "matrix[r2,p2,detailed]"));

        for (String r : RECEIVERS) {
            for (String p : PROVIDERS) {
                for (String f : FEEDBACKS) {
                    String out = "alone-" + r + "-" + p + "-" + f;
                    run(Map.of("interfeedback.receivers", r, "interfeedback.providers", p, "interfeedback.feedbacks", f),
                            out, selectClass(MatrixBenchmark.class));
                    JsonNode alone = results(dir.resolve(out)).path("benchmarks").get(0);
                    // one cell is a plain benchmark: today's id
                    assertThat(alone.path("id").asText()).isEqualTo("matrix");
                    assertThat(alone.has("cell")).isFalse();
                    assertSameFigures(alone, benchmark(matrix, "matrix[" + r + "," + p + "," + f + "]"));
                }
            }
        }
    }

    @Test
    void theSingleKeysOfAProjectDoNotCollapseTheAnnotationsLists() {
        EngineExecutionResults results = run(Map.of("interfeedback.receiver", "r1", "interfeedback.feedback", "binary"),
                "single", selectClass(MatrixBenchmark.class));

        assertThat(containers(results, "cell")).hasSize(12);
    }

    @Test
    void theListKeysNarrowTheMatrix() {
        EngineExecutionResults results = run(Map.of("interfeedback.receivers", "r3, r1", "interfeedback.feedbacks", "detailed"),
                "narrow", selectClass(MatrixBenchmark.class));

        assertThat(containers(results, "cell")).containsExactlyInAnyOrder(cell("r3", "strong", "detailed"),
                cell("r3", "p2", "detailed"), cell("r1", "strong", "detailed"), cell("r1", "p2", "detailed"));
    }

    @Test
    void oneSampleOfOneCellRerunsByItsUniqueId() {
        UniqueId sample = cell("r1", "strong", "binary").append("sample", "s3");
        EngineExecutionResults one = run(Map.of(), "sample", selectUniqueId(sample));

        assertThat(one.testEvents().list().stream().map(e -> e.getTestDescriptor().getUniqueId()).distinct().toList())
                .containsExactly(sample);
    }

    private static void assertSameFigures(JsonNode actual, JsonNode expected) {
        for (String field : List.of("receiver", "provider")) {
            assertThat(actual.path(field).path("alias")).isEqualTo(expected.path(field).path("alias"));
        }
        for (String field : List.of("feedback", "counts", "accuracy", "correctionRate", "perRound", "perCategory")) {
            assertThat(actual.path(field)).as(field).isEqualTo(expected.path(field));
        }
    }

    private static JsonNode benchmark(JsonNode results, String id) {
        for (JsonNode benchmark : results.path("benchmarks")) if (benchmark.path("id").asText().equals(id)) return benchmark;
        throw new AssertionError("no benchmark " + id + " in " + results);
    }

    private static JsonNode results(Path dir) throws Exception {
        return new ObjectMapper().readTree(dir.resolve("results.json").toFile());
    }

    static UniqueId cell(String receiver, String provider, String feedback) {
        return MATRIX.append("cell", receiver + "," + provider + "," + feedback);
    }

    private static List<UniqueId> containers(EngineExecutionResults results, String kind) {
        return results.containerEvents().started().list().stream()
                .map(e -> e.getTestDescriptor().getUniqueId())
                .filter(id -> id.getLastSegment().getType().equals(kind))
                .toList();
    }

    private static String displayName(EngineExecutionResults results, UniqueId id) {
        return results.containerEvents().started().list().stream().map(Event::getTestDescriptor)
                .filter(d -> d.getUniqueId().equals(id)).findFirst().orElseThrow().getDisplayName();
    }

    private static int skipped(EngineExecutionResults results) {
        return (int) results.testEvents().skipped().count();
    }

    private EngineExecutionResults run(Map<String, String> extra, String output, DiscoverySelector selector) {
        Map<String, String> parameters = new HashMap<>();
        for (String alias : List.of("r1", "r2", "r3", "strong", "p2")) {
            parameters.put("interfeedback.model." + alias + ".url", loopback.server().baseUrl());
            parameters.put("interfeedback.model." + alias + ".name", alias);
        }
        parameters.put("interfeedback.basedir", dir.resolve("data").toString());
        parameters.put("interfeedback.output.dir", dir.resolve(output).toString());
        // The server's request counts show what the engine shares; the response cache would hide it.
        parameters.put("interfeedback.cache.enabled", "false");
        parameters.putAll(extra);
        return EngineTestKit.engine(new InterFeedbackTestEngine()).selectors(selector)
                .configurationParameters(parameters).execute();
    }
}
