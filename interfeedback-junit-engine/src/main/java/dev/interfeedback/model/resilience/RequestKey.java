package dev.interfeedback.model.resilience;

import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.Content;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
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
        // Every field is length-prefixed, so that no two different requests hash the same bytes.
        // The fields are gathered first and hashed in one call: a cached rerun computes a key per
        // call, and one large update is cheaper than many small ones.
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
        return HexFormat.of().formatHex(fields.sha256());
    }

    /** Length-prefixed UTF-8 fields, in one growing buffer. */
    private static final class Fields {
        private byte[] bytes = new byte[1024];
        private int size;

        void add(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            ensure(4 + utf8.length);
            int n = utf8.length;
            bytes[size++] = (byte) (n >>> 24);
            bytes[size++] = (byte) (n >>> 16);
            bytes[size++] = (byte) (n >>> 8);
            bytes[size++] = (byte) n;
            System.arraycopy(utf8, 0, bytes, size, n);
            size += n;
        }

        byte[] sha256() {
            MessageDigest sha = ImageDigests.sha256();
            sha.update(bytes, 0, size);
            return sha.digest();
        }

        private void ensure(int more) {
            if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
