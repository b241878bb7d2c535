package dev.interfeedback.dataset;

import dev.interfeedback.model.Content;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Turns an image path written in a dataset into a file inside the dataset's folder.
 *
 * <p>Datasets come from elsewhere, so a path must not reach outside that folder: not by
 * {@code ..}, not by being absolute, not through a symbolic link. The check is done twice: on the
 * normalized text (catches {@code ..} even when the file is missing), then on the real path of the
 * existing file (catches links).
 */
public final class ImagePathResolver {

    /** Enough for every signature {@link dev.interfeedback.model.ImageFormat} knows (WebP's ends at byte 12). */
    private static final int SIGNATURE_BYTES = 12;

    private final Path folder;
    // Lookups from many threads at once: a dataset read on demand resolves its images again as its samples are read.
    private volatile Path realFolder;
    private final Map<Path, Path> realDirectories = new ConcurrentHashMap<>();

    public ImagePathResolver(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** Returns the real path of the image file. */
    public Path resolve(String written) throws InvalidValueException {
        if (written.isBlank()) {
            throw new InvalidValueException("expected an image path, found an empty string");
        }
        if (absolute(written)) {
            throw new InvalidValueException("image \"" + written
                    + "\" is an absolute path; expected a path relative to the dataset folder " + folder);
        }
        Path candidate;
        try {
            candidate = folder.resolve(written).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidValueException("image \"" + written + "\" is not a valid path: " + e.getReason());
        }
        if (!candidate.startsWith(folder) || candidate.equals(folder)) {
            throw new InvalidValueException("image \"" + written + "\" leaves the dataset folder " + folder);
        }
        BasicFileAttributes file;
        try {
            file = Files.readAttributes(candidate, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new InvalidValueException("image file not found: \"" + written + "\" (looked for " + candidate + ")");
        } catch (IOException e) {
            throw new InvalidValueException("image \"" + written + "\" cannot be read: " + e);
        }
        Path real;
        try {
            // A plain file is as real as its folder: one real-path lookup per folder, not per image,
            // since datasets keep thousands of images in a few folders.
            real = file.isSymbolicLink() ? candidate.toRealPath() : realDirectory(candidate.getParent()).resolve(candidate.getFileName());
            if (!real.startsWith(realFolder())) {
                throw new InvalidValueException("image \"" + written
                        + "\" leaves the dataset folder " + folder + " through a symbolic link (it is " + real + ")");
            }
        } catch (NoSuchFileException e) {
            throw new InvalidValueException("image file not found: \"" + written + "\" (looked for " + candidate + ")");
        } catch (IOException e) {
            throw new InvalidValueException("image \"" + written + "\" cannot be read: " + e);
        }
        if (!(file.isSymbolicLink() ? Files.isRegularFile(real) : file.isRegularFile())) {
            throw new InvalidValueException("image \"" + written + "\" is not a regular file");
        }
        checkSignature(written, real);
        return real;
    }

    /**
     * A file named {@code .png} must be one: found here, at load, the broken row is named with its
     * file and line, where at the first call it would only make that sample an error. The first
     * bytes are enough to tell the formats the APIs take apart.
     */
    private static void checkSignature(String written, Path real) throws InvalidValueException {
        byte[] head = new byte[SIGNATURE_BYTES];
        int read;
        try (InputStream in = Files.newInputStream(real)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new InvalidValueException("image \"" + written + "\" cannot be read: " + e);
        }
        try {
            new Content.Image(real).mediaType(Arrays.copyOf(head, read));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("image \"" + written + "\": " + e.getMessage());
        }
    }

    /** Rooted or with a drive letter: rejected on every OS, so a dataset behaves the same wherever it is loaded. */
    private static boolean absolute(String written) {
        char first = written.charAt(0);
        boolean driveLetter = written.length() > 1 && written.charAt(1) == ':'
                && (first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z');
        return first == '/' || first == '\\' || driveLetter;
    }

    private Path realDirectory(Path directory) throws IOException {
        Path real = realDirectories.get(directory);
        if (real == null) {
            real = directory.toRealPath();
            realDirectories.put(directory, real);
        }
        return real;
    }

    private Path realFolder() throws IOException {
        if (realFolder == null) {
            realFolder = folder.toRealPath();
        }
        return realFolder;
    }
}
