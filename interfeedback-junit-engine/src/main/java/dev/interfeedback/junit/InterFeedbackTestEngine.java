package dev.interfeedback.junit;

import dev.interfeedback.bench.shard.Shard;
import dev.interfeedback.config.ConfigurationException;
import dev.interfeedback.config.ShardSetting;
import dev.interfeedback.config.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.hierarchical.ParallelHierarchicalTestExecutorServiceFactory;
import org.junit.platform.engine.support.hierarchical.ParallelHierarchicalTestExecutorServiceFactory.ParallelExecutorServiceType;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;

/**
 * The JUnit Platform engine {@value #ENGINE_ID}: every {@link InterFeedbackBenchmark} class is a
 * container, every sample of its dataset a test that publishes each round of the receiver as a
 * report entry.
 *
 * <p>Configuration comes only from JUnit configuration parameters with the
 * {@code interfeedback.} prefix. Besides DESIGN.md's keys: {@code interfeedback.parallel}
 * ({@code true} by default) runs samples concurrently, bounded per model endpoint.
 */
public final class InterFeedbackTestEngine extends HierarchicalTestEngine<RunContext> {

    public static final String ENGINE_ID = "interfeedback";
    public static final String PARALLEL = Settings.PARALLEL;

    private final Function<String, String> environment;

    public InterFeedbackTestEngine() {
        this(System::getenv);
    }

    /** @param environment reads environment variables (API keys); tests pass their own */
    InterFeedbackTestEngine(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.interfeedback");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("interfeedback-junit-engine");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        InterFeedbackEngineDescriptor engine = new InterFeedbackEngineDescriptor(uniqueId);
        EngineDiscoveryRequestResolver.<InterFeedbackEngineDescriptor>builder()
                .addClassContainerSelectorResolver(new IsBenchmarkClass())
                .addSelectorResolver(context -> new BenchmarkSelectorResolver(uniqueId, context.getClassNameFilter(),
                        request.getConfigurationParameters(), environment, context.getIssueReporter()))
                .build()
                .resolve(request, engine);
        return engine;
    }

    @Override
    protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
        if (!parallel(request.getConfigurationParameters())) return super.createExecutorService(request);
        return ParallelHierarchicalTestExecutorServiceFactory.create(ParallelExecutorServiceType.FORK_JOIN_POOL,
                new FixedParallelism(threads(request.getRootTestDescriptor())));
    }

    @Override
    protected RunContext createExecutionContext(ExecutionRequest request) {
        Settings settings = BenchmarkSettings.of(request.getConfigurationParameters());
        Path dir = settings.outputDir();
        // A rerun of some samples (an IDE rerunning a failure) must not replace the full run's files.
        RunOutputs outputs = partial(request.getRootTestDescriptor())
                ? new RunOutputs(dir.resolve(RunOutputs.RERUN), dir, null)
                : new RunOutputs(dir, dir, shard(settings));
        return new RunContext(request.getEngineExecutionListener(), request.getCancellationToken(), outputs,
                environment, null);
    }

    /** A bad value fails each benchmark with its message at discovery; here it only means no parallelism. */
    private static boolean parallel(ConfigurationParameters parameters) {
        try {
            return BenchmarkSettings.of(parameters).flag(PARALLEL);
        } catch (ConfigurationException e) {
            return false;
        }
    }

    /** The shard this machine runs; a bad value fails each benchmark with its message at discovery. */
    private Shard shard(Settings settings) {
        try {
            return ShardSetting.of(settings, environment).orElse(null);
        } catch (ConfigurationException e) {
            return null;
        }
    }

    /** Whether some benchmark runs only some of its samples. */
    private static boolean partial(TestDescriptor root) {
        // A matrix run for some of its cells is partial too: the results would lack the others.
        return root.getChildren().stream().anyMatch(child -> child instanceof MatrixDescriptor matrix
                        && matrix.getChildren().size() < matrix.definition().cells().size())
                || root.getChildren().stream().flatMap(MatrixDescriptor::benchmarks).anyMatch(benchmark ->
                        benchmark.definition().dataset() != null
                                && benchmark.getChildren().size() < benchmark.definition().dataset().size());
    }

    private static int threads(TestDescriptor root) {
        List<Settings> benchmarks = new ArrayList<>();
        root.getChildren().stream().flatMap(MatrixDescriptor::benchmarks)
                .filter(benchmark -> benchmark.definition().problem() == null)
                .forEach(benchmark -> benchmarks.add(benchmark.definition().settings()));
        try {
            return EndpointLimits.threadsFor(benchmarks);
        } catch (ConfigurationException e) {
            return 1; // the benchmark with the bad limit fails with this message when it runs
        }
    }
}
