package dev.interfeedback.model.resilience;

import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.Content;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelException;
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
    private final ImageDigests images;

    RequestKey(String identity, ImageDigests images) {
        this.identity = identity;
        this.images = images;
    }

    String of(ChatRequest request) throws ModelException {
        Fields fields = new Fields();
        fields.add(VERSION);
        fields.add(identity);
        for (Message message : request.messages()) {
            fields.add("message:" + message.role().wireName());
            for (Content part : message.parts()) {
                if (part instanceof Content.Text text) {
                    fields.add("text");
                    fields.add(text.text());
                } else if (part instanceof Content.Image image) {
                    fields.add("image:" + image.mediaType());
                    try {
                        fields.add(images.digest(image.path()));
                    } catch (IOException e) {
                        throw new ModelException("cannot read image " + image.path() + ": " + e, e);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(fields.sha.digest());
    }

    /**
     * Fields hashed one after the other, each prefixed with its length in UTF-8 bytes, so that no
     * two different requests hash the same bytes.
     */
    private static final class Fields {
        private final MessageDigest sha = ImageDigests.sha256();
        private final byte[] length = new byte[4];

        void add(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            int n = utf8.length;
            length[0] = (byte) (n >>> 24);
            length[1] = (byte) (n >>> 16);
            length[2] = (byte) (n >>> 8);
            length[3] = (byte) n;
            sha.update(length);
            sha.update(utf8);
        }
    }
}
