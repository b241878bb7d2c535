package dev.interfeedback.dataset.mmmupro;

import dev.interfeedback.dataset.BadRowPolicy;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to read MMMU-Pro.
 *
 * @param config the config the files belong to, or null to tell from the columns (a vision file
 *     has {@code image} and no {@code question}) and from the published folder name
 * @param mode the official prompt mode (chain of thought or direct)
 * @param multiImage what to do with samples that have several images
 * @param badRows fail on bad rows, or skip them and report them
 * @param imageCache the folder parquet image bytes are written to (see {@code ImageFiles})
 */
public record MmmuProOptions(
        MmmuProConfig config, MmmuProMode mode, MultiImagePolicy multiImage, BadRowPolicy badRows, Path imageCache) {

    public MmmuProOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(multiImage, "multiImage");
        Objects.requireNonNull(badRows, "badRows");
        Objects.requireNonNull(imageCache, "imageCache");
    }

    /** Chain of thought, every image, failing on bad rows, config told from the file. */
    public static MmmuProOptions defaults(Path imageCache) {
        return new MmmuProOptions(null, MmmuProMode.COT, MultiImagePolicy.ALL, BadRowPolicy.FAIL, imageCache);
    }

    public MmmuProOptions withConfig(MmmuProConfig value) {
        return new MmmuProOptions(value, mode, multiImage, badRows, imageCache);
    }

    public MmmuProOptions withMode(MmmuProMode value) {
        return new MmmuProOptions(config, value, multiImage, badRows, imageCache);
    }

    public MmmuProOptions withMultiImage(MultiImagePolicy value) {
        return new MmmuProOptions(config, mode, value, badRows, imageCache);
    }

    public MmmuProOptions withBadRows(BadRowPolicy value) {
        return new MmmuProOptions(config, mode, multiImage, value, imageCache);
    }
}
