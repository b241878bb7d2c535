package dev.interfeedback.dataset.mathverse;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** MathVerse's problem versions, by the names in its {@code problem_version} field. */
public enum MathVerseVersion {
    TEXT_DOMINANT("Text Dominant"),
    TEXT_LITE("Text Lite"),
    VISION_INTENSIVE("Vision Intensive"),
    VISION_DOMINANT("Vision Dominant"),
    VISION_ONLY("Vision Only"),
    /** Published apart ({@code testmini_text_only.json}), without images. */
    TEXT_ONLY("Text Only");

    /** The five versions that come with an image: the main testmini set. */
    public static final Set<MathVerseVersion> WITH_IMAGE = EnumSet.range(TEXT_DOMINANT, VISION_ONLY);

    private final String publishedName;

    MathVerseVersion(String publishedName) {
        this.publishedName = publishedName;
    }

    public String publishedName() {
        return publishedName;
    }

    public boolean hasImage() {
        return this != TEXT_ONLY;
    }

    /** Accepts the published name in any case and with '-', '_' or no space: "vision-only", "VisionOnly". */
    public static MathVerseVersion parse(String value) {
        String key = squash(value);
        for (MathVerseVersion version : values()) {
            if (squash(version.publishedName).equals(key)) {
                return version;
            }
        }
        throw new IllegalArgumentException("unknown MathVerse version \"" + value + "\"; expected one of "
                + Arrays.stream(values()).map(MathVerseVersion::publishedName).collect(Collectors.joining(", ")));
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
