package dev.interfeedback.model;

import java.nio.file.Path;
import java.util.Objects;

/** One part of a message: text, or an image read from a file when the request is sent. */
public sealed interface Content {

    static Content text(String text) {
        return new Text(text);
    }

    static Content image(Path path) {
        return new Image(path);
    }

    record Text(String text) implements Content {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An image on disk. Only the path is held, so that thousands of pending samples do not keep
     * their pixels in memory; clients read the bytes when they build the request.
     */
    record Image(Path path) implements Content {
        public Image {
            Objects.requireNonNull(path, "path");
        }

        /** The media type by file extension. */
        public String mediaType() {
            return ImageFormat.byExtension(path).mediaType();
        }

        /**
         * The media type of the image's bytes, as a data URL needs it, once they agree with the
         * file's extension: a text file named {@code .png} is a broken dataset, not an image.
         *
         * @throws IllegalArgumentException naming the file, when the bytes are no image or another one
         */
        public String mediaType(byte[] bytes) {
            ImageFormat named = ImageFormat.byExtension(path);
            ImageFormat held = ImageFormat.of(bytes).orElseThrow(() -> new IllegalArgumentException("image " + path
                    + " is named as a " + named + " image but is no PNG, JPEG, GIF or WebP image"));
            if (held != named) {
                throw new IllegalArgumentException("image " + path + " is named as a " + named + " image but holds a "
                        + held + " image; rename it or convert it");
            }
            return held.mediaType();
        }
    }
}
