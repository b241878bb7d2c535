package dev.interfeedback.model.resilience;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * SHA-256 of image files, each read once per run: every round of an episode sends the sample's
 * images again, and a rerun answered from the response cache should not read them per call.
 *
 * <p>One instance serves one run (the models a {@code ModelFactory} builds share it), so an image
 * edited between runs is read again by the next run; an image edited while a run is going keeps
 * its first digest until then.
 */
public final class ImageDigests {

    private static final MessageDigest SHA_256 = newSha256();

    private final ConcurrentMap<Path, String> known = new ConcurrentHashMap<>();

    String digest(Path image) throws IOException {
        String digest = known.get(image);
        if (digest == null) {
            digest = HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(image)));
            known.put(image, digest);
        }
        return digest;
    }

    static MessageDigest sha256() {
        try {
            // Cloning skips the provider lookup that getInstance does on every call.
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's SHA-256 cannot be cloned", e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
