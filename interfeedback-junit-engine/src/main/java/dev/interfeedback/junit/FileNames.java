package dev.interfeedback.junit;

import java.util.regex.Pattern;

/** File names from ids: dataset ids are untrusted text and must not leave the output folder. */
final class FileNames {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private FileNames() {}

    static String safe(String id) {
        String safe = UNSAFE.matcher(id).replaceAll("_");
        if (safe.equals(id) && !safe.startsWith(".")) return safe;
        // Two ids that differ only in unsafe characters must not share a file.
        return safe.replaceFirst("^\\.", "_") + "-" + Integer.toHexString(id.hashCode());
    }
}
