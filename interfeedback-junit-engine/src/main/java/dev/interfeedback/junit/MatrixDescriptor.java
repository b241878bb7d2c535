package dev.interfeedback.junit;

import dev.interfeedback.bench.SharedRoundZero;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A benchmark class that names several receivers, providers or feedback kinds: its children are
 * its cells, each a {@link BenchmarkDescriptor} with the samples under it, and they share the
 * round-0 answers of every model.
 */
final class MatrixDescriptor extends AbstractTestDescriptor implements Node<RunContext> {

    private final BenchmarkDefinition definition;
    private final List<BenchmarkDefinition> cells;
    private final SharedRoundZero roundZero = new SharedRoundZero();

    MatrixDescriptor(UniqueId uniqueId, BenchmarkDefinition definition, ConfigurationParameters parameters,
            Function<String, String> environment) {
        super(uniqueId, definition.id(), ClassSource.from(definition.type()));
        this.definition = definition;
        this.cells = definition.cells().stream().map(cell -> definition.cell(cell, parameters, environment)).toList();
    }

    BenchmarkDefinition definition() {
        return definition;
    }

    /** The cells' unique ids, in table order. */
    List<UniqueId> cellIds() {
        return cells.stream().map(cell -> getUniqueId().append(Matrix.SEGMENT, cell.cellKey())).toList();
    }

    /** The cell whose unique-id segment is {@code id}, if the matrix has it. */
    Optional<BenchmarkDescriptor> createCell(String id) {
        return cells.stream()
                .filter(cell -> cell.cellKey().equals(id))
                .findFirst()
                .map(cell -> new BenchmarkDescriptor(getUniqueId().append(Matrix.SEGMENT, id), cell));
    }

    SharedRoundZero roundZero() {
        return roundZero;
    }

    /** The benchmarks under a node of the tree: itself, or a matrix's cells. */
    static Stream<BenchmarkDescriptor> benchmarks(TestDescriptor node) {
        if (node instanceof BenchmarkDescriptor benchmark) return Stream.of(benchmark);
        if (node instanceof MatrixDescriptor) {
            return node.getChildren().stream().filter(BenchmarkDescriptor.class::isInstance).map(BenchmarkDescriptor.class::cast);
        }
        return Stream.empty();
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public Set<TestTag> getTags() {
        return Tags.of(definition);
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.CONCURRENT;
    }
}
