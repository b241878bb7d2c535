package dev.interfeedback.model;

import java.nio.file.Path;
import java.util.Locale;
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

        /** The media type by file extension, as a data URL needs it. */
        public String mediaType() {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".jpg") || name.endsWith(".jpeg")) return "image/jpeg";
            if (name.endsWith(".gif")) return "image/gif";
            if (name.endsWith(".webp")) return "image/webp";
            return "image/png";
        }
    }
}
