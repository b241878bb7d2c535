package dev.interfeedback.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link ScriptedChatServer} on loopback, answering at once, started before each test and closed
 * after it; with {@link #withDataset}, a {@link SyntheticDataset} written before each test too.
 * Register it on a field: {@code @RegisterExtension final LoopbackChat loopback = new LoopbackChat();}.
 *
 * <p>It starts before the test class's {@code @BeforeEach} methods and closes after its
 * {@code @AfterEach} methods, so these can start and stop what sits in front of the server.
 */
public final class LoopbackChat implements BeforeEachCallback, AfterEachCallback {

    private Supplier<Path> datasetDir;
    private int samples;
    private ScriptedChatServer server;
    private Path dataset;

    /**
     * Writes a dataset of {@code samples} samples into {@code dir} before each test. A supplier, so
     * that it can name the test's {@code @TempDir}: JUnit injects that before this extension runs.
     */
    public LoopbackChat withDataset(Supplier<Path> dir, int samples) {
        this.datasetDir = dir;
        this.samples = samples;
        return this;
    }

    public ScriptedChatServer server() {
        return server;
    }

    /** The dataset's JSONL file, as {@link SyntheticDataset#write(Path, int)} returned it. */
    public Path dataset() {
        if (dataset == null) throw new IllegalStateException("no dataset: register the extension withDataset(dir, samples)");
        return dataset;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server = new ScriptedChatServer(Duration.ZERO);
        if (datasetDir != null) dataset = SyntheticDataset.write(datasetDir.get(), samples);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (server != null) server.close();
    }
}
