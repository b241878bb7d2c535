package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.interfeedback.junit.fixtures.LimitedSubsetBenchmark;
import dev.interfeedback.junit.fixtures.LoopbackBenchmark;
import dev.interfeedback.junit.fixtures.SimulatedBenchmark;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineTestKit;

class DiscoveryTest {

    @Test
    void aBenchmarkClassIsAContainerOfItsSamplesInDatasetOrder() {
        TestDescriptor engine = discover(selectClass(SimulatedBenchmark.class));

        TestDescriptor benchmark = engine.getChildren().iterator().next();
        assertThat(benchmark.getUniqueId()).isEqualTo(UniqueId.forEngine("interfeedback")
                .append("benchmark", SimulatedBenchmark.class.getName()));
        assertThat(benchmark.getDisplayName()).isEqualTo("SimulatedBenchmark");
        assertThat(benchmark.getSource()).contains(ClassSource.from(SimulatedBenchmark.class));
        assertThat(benchmark.getTags()).containsExactly(TestTag.create("interfeedback-fixture"));

        List<? extends TestDescriptor> samples = List.copyOf(benchmark.getChildren());
        assertThat(samples).hasSize(12);
        TestDescriptor first = samples.get(0);
        assertThat(first.getUniqueId().getLastSegment().getValue()).isEqualTo("q01");
        assertThat(first.getDisplayName()).isEqualTo("q01 [geometry]");
        assertThat(first.isTest()).isTrue();
        assertThat(first.isContainer()).as("its rounds are report entries, not nodes").isFalse();
        assertThat(first.getSource()).containsInstanceOf(FileSource.class);
        FileSource source = (FileSource) samples.get(2).getSource().orElseThrow();
        assertThat(source.getFile().toPath()).isEqualTo(Path.of("src/test/resources/datasets/four-options.jsonl").toAbsolutePath());
        assertThat(source.getPosition()).contains(FilePosition.from(3));
    }

    @Test
    void packageClasspathRootAndMethodSelectorsFindBenchmarks() {
        assertThat(benchmarkNames(discover(selectPackage("dev.interfeedback.junit.fixtures"))))
                .containsExactlyInAnyOrder("loopback", "SimulatedBenchmark", "SimulatedBenchmark", "UnknownAliasBenchmark",
                        "MissingKeyBenchmark", "MissingDatasetBenchmark", "LimitedSubsetBenchmark", "resumable", "untrusted", "human",
                        "matrix");
        assertThat(benchmarkNames(discover(selectClasspathRoots(Set.of(Path.of("target/test-classes"))).get(0))))
                .hasSize(13).contains("FourOptionsBenchmarkTest", "harness");
        assertThat(benchmarkNames(discover(selectMethod(SimulatedBenchmark.class, "hashCode"))))
                .containsExactly("SimulatedBenchmark");
    }

    @Test
    void theDatasetSettingsOfTheCommandLineApplyToo() {
        Map<String, String> parameters = new HashMap<>(parameters());
        parameters.put("interfeedback.dataset.limit", "5");

        TestDescriptor engine = EngineTestKit.engine(new InterFeedbackTestEngine())
                .selectors(selectClass(SimulatedBenchmark.class))
                .configurationParameters(parameters)
                .discover().getEngineDescriptor();

        assertThat(engine.getChildren().iterator().next().getChildren()).hasSize(5);
    }

    @Test
    void theAnnotationsLimitChoosesAStableSubsetThatConfigurationOverrides() {
        List<String> first = sampleIds(discover(selectClass(LimitedSubsetBenchmark.class)));
        List<String> again = sampleIds(discover(selectClass(LimitedSubsetBenchmark.class)));
        assertThat(first).hasSize(3).isEqualTo(again);

        Map<String, String> parameters = new HashMap<>(parameters());
        parameters.put("interfeedback.dataset.limit", "5");
        TestDescriptor engine = EngineTestKit.engine(new InterFeedbackTestEngine())
                .selectors(selectClass(LimitedSubsetBenchmark.class))
                .configurationParameters(parameters)
                .discover().getEngineDescriptor();
        assertThat(engine.getChildren().iterator().next().getChildren()).hasSize(5);
    }

    private static List<String> sampleIds(TestDescriptor engine) {
        return engine.getChildren().iterator().next().getChildren().stream()
                .map(sample -> sample.getUniqueId().getLastSegment().getValue()).toList();
    }

    @Test
    void aSampleUniqueIdSelectsThatSampleAlone() {
        UniqueId sample = UniqueId.forEngine("interfeedback")
                .append("benchmark", LoopbackBenchmark.class.getName()).append("sample", "loop-fix");

        TestDescriptor engine = discover(selectUniqueId(sample));

        TestDescriptor benchmark = engine.getChildren().iterator().next();
        assertThat(benchmark.getChildren()).extracting(TestDescriptor::getUniqueId).containsExactly(sample);
    }

    @Test
    void aSampleSelectedByItsUniqueIdAndWithItsBenchmarkIsOneTest() {
        UniqueId benchmark = UniqueId.forEngine("interfeedback").append("benchmark", SimulatedBenchmark.class.getName());
        for (List<DiscoverySelector> selectors : List.of(
                List.<DiscoverySelector>of(selectUniqueId(benchmark.append("sample", "q03")), selectClass(SimulatedBenchmark.class)),
                List.<DiscoverySelector>of(selectClass(SimulatedBenchmark.class), selectUniqueId(benchmark.append("sample", "q03")),
                        selectClass(SimulatedBenchmark.class)))) {
            TestDescriptor engine = EngineTestKit.engine(new InterFeedbackTestEngine())
                    .selectors(selectors.toArray(DiscoverySelector[]::new))
                    .configurationParameters(parameters())
                    .discover().getEngineDescriptor();

            assertThat(engine.getChildren()).hasSize(1);
            List<UniqueId> samples = engine.getChildren().iterator().next().getChildren().stream()
                    .map(TestDescriptor::getUniqueId).toList();
            assertThat(samples).hasSize(12).doesNotHaveDuplicates().contains(benchmark.append("sample", "q03"));
        }
    }

    @Test
    void unknownIdsAndOtherEnginesIdsSelectNothing() {
        UniqueId benchmark = UniqueId.forEngine("interfeedback").append("benchmark", LoopbackBenchmark.class.getName());

        assertThat(discover(selectUniqueId(benchmark.append("sample", "no-such-sample"))).getChildren()).isEmpty();
        assertThat(EngineTestKit.engine(new InterFeedbackTestEngine())
                .selectors(selectUniqueId(benchmark.append("sample", "no-such-sample")))
                .configurationParameters(parameters())
                .discover().getDiscoveryIssues())
                .anySatisfy(issue -> assertThat(issue.message()).contains("[sample:no-such-sample]")
                        .contains("could not be resolved"));
        assertThat(discover(selectUniqueId(UniqueId.forEngine("junit-jupiter").append("class", "x"))).getChildren())
                .isEmpty();
        assertThat(discover(selectClass(DiscoveryTest.class)).getChildren()).isEmpty();
    }

    @Test
    void tagFiltersSelectSamplesByTheirBenchmarksTags() {
        TestDescriptor engine = EngineTestKit.engine(new InterFeedbackTestEngine())
                .selectors(selectPackage("dev.interfeedback.junit"))
                .filters(TagFilter.excludeTags("interfeedback-fixture"))
                .configurationParameters(parameters())
                .discover().getEngineDescriptor();

        assertThat(benchmarkNames(engine)).containsExactly("FourOptionsBenchmarkTest");
    }

    /** Discovery reads the dataset and builds the models, and calls none of them. */
    @Test
    void discoveryCallsNoModel() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            Map<String, String> parameters = new HashMap<>(server.models());
            EngineTestKit.engine(new InterFeedbackTestEngine())
                    .selectors(selectClass(LoopbackBenchmark.class))
                    .configurationParameters(parameters)
                    .discover();

            assertThat(server.requests()).isZero();
        }
    }

    private static TestDescriptor discover(DiscoverySelector selector) {
        return EngineTestKit.engine(new InterFeedbackTestEngine())
                .selectors(selector)
                .configurationParameters(parameters())
                .discover().getEngineDescriptor();
    }

    private static Map<String, String> parameters() {
        return SimulatedEngineTest.MODELS;
    }

    private static List<String> benchmarkNames(TestDescriptor engine) {
        return engine.getChildren().stream().map(TestDescriptor::getDisplayName).toList();
    }
}
