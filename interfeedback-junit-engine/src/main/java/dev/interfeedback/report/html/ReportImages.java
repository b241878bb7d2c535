package dev.interfeedback.report.html;

import dev.interfeedback.model.ImageFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The images the model saw, copied as the run goes into {@code report/images/}, each once, named
 * by the SHA-256 of its bytes: a page rebuilt from saved files finds them there, the same image
 * shared by many samples is stored once, and no dataset file name reaches a URL.
 */
public final class ReportImages {

    /** Where the images go, relative to the report's page. */
    public static final String FOLDER = "images";

    private final Path dir;
    private final Map<Path, String> copied = new ConcurrentHashMap<>();
    /** A lock per name: two samples' files with the same bytes are written once, by one thread. */
    private final Map<String, Stored> stored = new ConcurrentHashMap<>();
    /** Whether {@link #dir} was made: {@code createDirectories} of a folder that exists throws and catches inside. */
    private volatile boolean made;

    private ReportImages(Path dir) {
        this.dir = dir;
    }

    /** The images of the report in {@code outputDir}. */
    public static ReportImages in(Path outputDir) {
        return new ReportImages(HtmlReport.folder(outputDir).resolve(FOLDER));
    }

    /**
     * Copies the image unless an image with its bytes is there already.
     *
     * @return its path relative to the report's page ({@code images/<sha-256>.<ext>}), or empty
     *     when it cannot be read or is no image format the page can show
     */
    public Optional<String> copy(Path image) {
        String known = copied.get(image);
        if (known != null) return Optional.of(known);
        try {
            byte[] bytes = Files.readAllBytes(image);
            Optional<ImageFormat> format = ImageFormat.of(bytes);
            if (format.isEmpty()) return Optional.empty();
            String name = digest(bytes) + "." + format.get().extension();
            Stored copy = stored.computeIfAbsent(name, n -> new Stored());
            synchronized (copy) {
                if (!copy.written) {
                    store(dir.resolve(name), bytes);
                    copy.written = true;
                }
            }
            String relative = FOLDER + "/" + name;
            copied.put(image, relative);
            return Optional.of(relative);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static final class Stored {
        boolean written;
    }

    /**
     * Writes the bytes under their digest's name unless a whole copy is there. The file is created
     * and written in one go rather than renamed from a temporary file: for thousands of small images
     * the renames and extra opens were most of a cached rerun's system time, and only this thread
     * writes the name. A copy cut short by an earlier run (killed, or out of disk) is told by its
     * size and replaced.
     */
    private void store(Path target, byte[] bytes) throws IOException {
        if (!made) {
            Files.createDirectories(dir);
            made = true;
        }
        OutputStream out;
        try {
            out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            if (Files.size(target) != bytes.length) replace(target, bytes);
            return;
        }
        try (out) {
            out.write(bytes);
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    private static void replace(Path target, byte[] bytes) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
