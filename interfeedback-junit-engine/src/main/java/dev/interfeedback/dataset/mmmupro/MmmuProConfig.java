package dev.interfeedback.dataset.mmmupro;

import java.util.Locale;

/** The three configs of MMMU-Pro on Hugging Face, by the names the publisher gives them. */
public enum MmmuProConfig {
    STANDARD_10("standard (10 options)"),
    STANDARD_4("standard (4 options)"),
    VISION("vision");

    private final String publishedName;

    MmmuProConfig(String publishedName) {
        this.publishedName = publishedName;
    }

    /** The config name as on Hugging Face, e.g. {@code standard (10 options)}. */
    public String publishedName() {
        return publishedName;
    }

    public boolean isVision() {
        return this == VISION;
    }

    /**
     * Accepts the published name and the short forms people type on a command line:
     * {@code standard-10}, {@code standard10}, {@code standard-4}, {@code vision}.
     */
    public static MmmuProConfig parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return switch (v) {
            case "standard10options", "standard10" -> STANDARD_10;
            case "standard4options", "standard4" -> STANDARD_4;
            case "vision" -> VISION;
            default -> throw new IllegalArgumentException("unknown MMMU-Pro config \"" + value
                    + "\"; expected \"standard (10 options)\", \"standard (4 options)\" or \"vision\"");
        };
    }

    /** The config a published folder or file is named after, if its path names one. */
    static java.util.Optional<MmmuProConfig> fromPath(java.nio.file.Path path) {
        String text = path.toAbsolutePath().normalize().toString().toLowerCase(Locale.ROOT);
        if (text.contains("standard (10 options)") || text.contains("standard-10")) {
            return java.util.Optional.of(STANDARD_10);
        }
        if (text.contains("standard (4 options)") || text.contains("standard-4")) {
            return java.util.Optional.of(STANDARD_4);
        }
        return java.util.Optional.empty();
    }
}
