package dev.interfeedback.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.interfeedback.config.ConfigurationException;
import dev.interfeedback.dataset.Sample;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves benchmark classes and their samples. Package, classpath-root and module selectors
 * arrive here as class selectors (see {@link InterFeedbackTestEngine}); a unique id selects a
 * benchmark or one sample (an IDE's rerun).
 */
final class BenchmarkSelectorResolver implements SelectorResolver {

    private final Predicate<String> classNameFilter;
    private final ConfigurationParameters parameters;
    private final Function<String, String> environment;
    private final DiscoveryIssueReporter issues;
    private final UniqueId engineId;
    private final Map<Class<?>, BenchmarkDefinition> definitions = new ConcurrentHashMap<>();
    private final Map<String, Class<?>> classOfId = new ConcurrentHashMap<>();
    private final IsBenchmarkClass isBenchmark = new IsBenchmarkClass();

    BenchmarkSelectorResolver(UniqueId engineId, Predicate<String> classNameFilter, ConfigurationParameters parameters,
            Function<String, String> environment, DiscoveryIssueReporter issues) {
        this.engineId = engineId;
        this.classNameFilter = classNameFilter;
        this.parameters = parameters;
        this.environment = environment;
        this.issues = issues;
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> type = selector.getJavaClass();
        if (!isBenchmark.test(type) || !classNameFilter.test(type.getName())) return Resolution.unresolved();
        return benchmark(type, context).map(BenchmarkSelectorResolver::match).orElse(Resolution.unresolved());
    }

    /** The annotation is on the class, so a method of it (an IDE's gutter) means the whole benchmark. */
    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Class<?> type = selector.getJavaClass();
        return isBenchmark.test(type) ? Resolution.selectors(Set.of(selectClass(type))) : Resolution.unresolved();
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        if (!id.hasPrefix(engineId) || id.equals(engineId)) return Resolution.unresolved();
        UniqueId.Segment last = id.getLastSegment();
        switch (last.getType()) {
            case BenchmarkDescriptor.SEGMENT: {
                return ReflectionSupport.tryToLoadClass(last.getValue()).toOptional()
                        .filter(isBenchmark)
                        .flatMap(type -> benchmark(type, context))
                        .map(BenchmarkSelectorResolver::match)
                        .orElse(Resolution.unresolved());
            }
            case Matrix.SEGMENT: {
                UniqueId parentId = id.removeLastSegment();
                Optional<BenchmarkDescriptor> cell = context.addToParent(() -> selectUniqueId(parentId),
                        parent -> parent instanceof MatrixDescriptor matrix
                                ? matrix.createCell(last.getValue())
                                : Optional.empty());
                return cell.map(BenchmarkSelectorResolver::match).orElse(Resolution.unresolved());
            }
            case SampleDescriptor.SEGMENT: {
                UniqueId parentId = id.removeLastSegment();
                Optional<SampleDescriptor> sample = context.addToParent(() -> selectUniqueId(parentId),
                        parent -> parent instanceof BenchmarkDescriptor benchmark
                                ? benchmark.createSample(last.getValue())
                                : Optional.empty());
                return sample.map(s -> Resolution.match(Match.exact(s))).orElse(Resolution.unresolved());
            }
            default:
                return Resolution.unresolved();
        }
    }

    /** A benchmark class: one container of samples, or a matrix of cells that are. */
    private Optional<TestDescriptor> benchmark(Class<?> type, Context context) {
        BenchmarkDefinition definition = definitions.computeIfAbsent(type, this::define);
        return context.addToParent(parent -> {
            UniqueId id = parent.getUniqueId().append(BenchmarkDescriptor.SEGMENT, type.getName());
            return Optional.of(definition.isMatrix()
                    ? new MatrixDescriptor(id, definition, parameters, environment)
                    : new BenchmarkDescriptor(id, definition));
        });
    }

    private static Resolution match(TestDescriptor node) {
        return Resolution.match(Match.exact(node, () -> node instanceof MatrixDescriptor matrix
                ? cellSelectors(matrix)
                : sampleSelectors((BenchmarkDescriptor) node)));
    }

    private static Set<DiscoverySelector> cellSelectors(MatrixDescriptor matrix) {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        matrix.cellIds().forEach(id -> selectors.add(selectUniqueId(id)));
        return selectors;
    }

    private BenchmarkDefinition define(Class<?> type) {
        BenchmarkDefinition definition = BenchmarkDefinition.read(type, parameters, environment);
        Class<?> owner = classOfId.putIfAbsent(definition.id(), type);
        if (owner != null && definition.problem() == null) {
            // Results are keyed by benchmark id: a second class with the id would overwrite the first.
            definition = definition.withProblem(new ConfigurationException("benchmark " + definition.id() + " ("
                    + type.getName() + "): the id \"" + definition.id() + "\" is already used by " + owner.getName()
                    + "; give one of them another id in @InterFeedbackBenchmark(id = ...)"));
        }
        if (definition.problem() != null) {
            // A warning, not an error: an error would stop every benchmark of the run, while this
            // one alone fails when it runs, with the same message.
            issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, definition.problem().getMessage())
                    .source(ClassSource.from(type)));
        }
        return definition;
    }

    private static Set<DiscoverySelector> sampleSelectors(BenchmarkDescriptor benchmark) {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        if (benchmark.definition().dataset() == null) return selectors;
        for (Sample sample : benchmark.definition().dataset().samples()) {
            selectors.add(selectUniqueId(benchmark.getUniqueId().append(SampleDescriptor.SEGMENT, sample.id())));
        }
        return selectors;
    }
}
