package dev.interfeedback.model.http;

import dev.interfeedback.model.Content;
import dev.interfeedback.model.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;

/**
 * An image as every wire format sends it: its media type, checked against its bytes, and the bytes
 * in base64. Read when the request is built, so a request never holds stale pixels.
 */
public record EncodedImage(String mediaType, String base64) {

    public static EncodedImage read(Content.Image image) throws ModelException {
        try {
            byte[] bytes = Files.readAllBytes(image.path());
            return new EncodedImage(image.mediaType(bytes), Base64.getEncoder().encodeToString(bytes));
        } catch (IOException e) {
            throw new ModelException("cannot read image " + image.path() + ": " + e, e);
        } catch (IllegalArgumentException e) {
            throw new ModelException(e.getMessage(), e);
        }
    }

    /** {@code data:image/png;base64,...}, as OpenAI's {@code image_url} takes it. */
    public String dataUrl() {
        return "data:" + mediaType + ";base64," + base64;
    }
}
