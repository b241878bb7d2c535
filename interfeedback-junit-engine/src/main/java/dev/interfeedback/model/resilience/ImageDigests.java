package dev.interfeedback.model.resilience;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * SHA-256 of image files, remembered by path, size and modification time: every round of an
 * episode sends the same images again, and a cached rerun should not read every image per call.
 */
final class ImageDigests {

    private record Entry(long size, long modified, String digest) {}

    private final ConcurrentMap<Path, Entry> known = new ConcurrentHashMap<>();

    String digest(Path image) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(image, BasicFileAttributes.class);
        long size = attributes.size(), modified = attributes.lastModifiedTime().toMillis();
        Entry entry = known.get(image);
        if (entry != null && entry.size == size && entry.modified == modified) return entry.digest;
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(image)) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
        }
        String digest = HexFormat.of().formatHex(sha.digest());
        known.put(image, new Entry(size, modified, digest));
        return digest;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
