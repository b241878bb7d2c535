package dev.interfeedback.model.resilience;

import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.Content;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.http.ImageStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The cache key of a request: a SHA-256 over the model's identity (endpoint, model, parameters)
 * and every message, images by the digest of their bytes. The call context is left out: it never
 * goes on the wire, so it cannot change a real model's answer.
 */
final class RequestKey {

    private static final String VERSION = "interfeedback-request-key-v1";

    private final String identity;
    private final ImageStore images;

    RequestKey(String identity, ImageStore images) {
        this.identity = identity;
        this.images = images;
    }

    String of(ChatRequest request) throws ModelException {
        MessageDigest sha = ImageStore.sha256();
        // Every field is length-prefixed, so that no two different requests hash the same bytes.
        field(sha, VERSION);
        field(sha, identity);
        for (Message message : request.messages()) {
            field(sha, "message:" + message.role().wireName());
            for (Content part : message.parts()) {
                if (part instanceof Content.Text text) {
                    field(sha, "text");
                    field(sha, text.text());
                } else if (part instanceof Content.Image image) {
                    field(sha, "image:" + image.mediaType());
                    try {
                        field(sha, images.digest(image.path()));
                    } catch (IOException e) {
                        throw new ModelException("cannot read image " + image.path() + ": " + e, e);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        sha.update(bytes);
    }
}
