package dev.interfeedback.dataset.mathverse;

import dev.interfeedback.dataset.BadRowPolicy;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How to read MathVerse.
 *
 * @param versions the versions to keep; empty keeps every version the file holds
 * @param mode which published prompt is the round-0 prompt
 * @param badRows fail on bad records, or skip them and report them
 * @param imageRoot the folder that holds {@code images_version_1-4}, {@code images_version_5} and
 *     {@code images_version_6}, or null for the JSON file's own folder
 */
public record MathVerseOptions(
        Set<MathVerseVersion> versions, MathVersePromptMode mode, BadRowPolicy badRows, Path imageRoot) {

    public MathVerseOptions {
        versions = versions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(versions));
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(badRows, "badRows");
    }

    public static MathVerseOptions defaults() {
        return new MathVerseOptions(Set.of(), MathVersePromptMode.COT, BadRowPolicy.FAIL, null);
    }

    public MathVerseOptions withVersions(Set<MathVerseVersion> value) {
        return new MathVerseOptions(value, mode, badRows, imageRoot);
    }

    public MathVerseOptions withMode(MathVersePromptMode value) {
        return new MathVerseOptions(versions, value, badRows, imageRoot);
    }

    public MathVerseOptions withBadRows(BadRowPolicy value) {
        return new MathVerseOptions(versions, mode, value, imageRoot);
    }
}
