package dev.interfeedback.dataset.mmmupro;

import dev.interfeedback.dataset.ImagePathResolver;
import dev.interfeedback.dataset.InvalidValueException;
import dev.interfeedback.model.ImageFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Turns image cells into files. {@code Sample.images} are paths because model clients read an
 * image only when they send it, so thousands of pending samples do not hold their pixels; parquet
 * rows carry the bytes, so those are written once to a cache folder, one file per sample and
 * column ({@code <id>_<column>.<png|jpg|gif|webp>}), and rewritten only when the bytes differ.
 * Cells that hold only a path are resolved inside the dataset's folder, which they may not leave.
 */
final class ImageFiles {

    private final Path cache;
    private final ImagePathResolver resolver;

    ImageFiles(Path cache, ImagePathResolver resolver) {
        this.cache = cache;
        this.resolver = resolver;
    }

    Path materialize(String id, String column, ImageCell cell) throws InvalidValueException {
        if (cell.hasBytes()) {
            return write(id, column, cell.bytes());
        }
        if (cell.path() == null || cell.path().isBlank()) {
            throw new InvalidValueException("the image has neither bytes nor a path");
        }
        return resolver.resolve(cell.path());
    }

    private Path write(String id, String column, byte[] bytes) throws InvalidValueException {
        String extension = extensionOf(bytes);
        Path target = cache.resolve(fileStem(id) + "_" + column + "." + extension);
        try {
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                    && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return target;
            }
            Files.createDirectories(cache);
            // Written aside and moved, so a concurrent or killed run never leaves half an image.
            Path temporary = Files.createTempFile(cache, ".image", ".tmp");
            try {
                Files.write(temporary, bytes);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return target;
        } catch (IOException e) {
            throw new InvalidValueException("cannot write the image to the cache folder " + cache + ": " + e);
        }
    }

    /**
     * The id as a safe file name. Ids are the dataset's own text, so anything outside
     * {@code [A-Za-z0-9._-]} is replaced, and a hash of the id is added whenever that changed
     * something, so two ids never share a file.
     */
    static String fileStem(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        if (safe.equals(id) && safe.length() <= 100) {
            return safe;
        }
        String hash = HexFormat.of().formatHex(sha256(id), 0, 4);
        return safe.substring(0, Math.min(safe.length(), 100)) + "-" + hash;
    }

    /** The format by its magic bytes: the file's extension is what clients send as the media type. */
    static String extensionOf(byte[] b) throws InvalidValueException {
        return ImageFormat.of(b).map(ImageFormat::extension).orElseThrow(() -> new InvalidValueException(
                "the image bytes are not a PNG, JPEG, GIF or WebP image (they start with "
                        + HexFormat.ofDelimiter(" ").formatHex(b, 0, Math.min(8, b.length)) + ")"));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
