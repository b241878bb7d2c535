package dev.interfeedback.report.html;

import dev.interfeedback.model.ImageFormat;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
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
            Path target = dir.resolve(name);
            if (!Files.exists(target)) {
                if (!made) {
                    Files.createDirectories(dir);
                    made = true;
                }
                Path temp = Files.createTempFile(dir, name, ".tmp");
                Files.write(temp, bytes);
                try {
                    Files.move(temp, target);
                } catch (FileAlreadyExistsException e) {
                    Files.delete(temp); // another thread copied the same bytes first
                }
            }
            String relative = FOLDER + "/" + name;
            copied.put(image, relative);
            return Optional.of(relative);
        } catch (IOException e) {
            return Optional.empty();
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
