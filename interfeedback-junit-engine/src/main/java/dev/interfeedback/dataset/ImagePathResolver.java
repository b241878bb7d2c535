package dev.interfeedback.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Turns an image path written in a dataset into a file inside the dataset's folder.
 *
 * <p>Datasets come from elsewhere, so a path must not reach outside that folder: not by
 * {@code ..}, not by being absolute, not through a symbolic link. The check is done twice: on the
 * normalized text (catches {@code ..} even when the file is missing), then on the real path of the
 * existing file (catches links).
 */
public final class ImagePathResolver {

    // Rejected on every OS, so a dataset behaves the same wherever it is loaded.
    private static final Pattern ABSOLUTE = Pattern.compile("^([/\\\\]|[A-Za-z]:).*");

    private final Path folder;
    private Path realFolder;

    public ImagePathResolver(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** Returns the real path of the image file. */
    public Path resolve(String written) throws InvalidValueException {
        if (written.isBlank()) {
            throw new InvalidValueException("expected an image path, found an empty string");
        }
        if (ABSOLUTE.matcher(written).matches()) {
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
        if (!Files.exists(candidate)) {
            throw new InvalidValueException("image file not found: \"" + written + "\" (looked for " + candidate + ")");
        }
        Path real;
        try {
            real = candidate.toRealPath();
            if (!real.startsWith(realFolder())) {
                throw new InvalidValueException("image \"" + written
                        + "\" leaves the dataset folder " + folder + " through a symbolic link (it is " + real + ")");
            }
        } catch (IOException e) {
            throw new InvalidValueException("image \"" + written + "\" cannot be read: " + e);
        }
        if (!Files.isRegularFile(real)) {
            throw new InvalidValueException("image \"" + written + "\" is not a regular file");
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
