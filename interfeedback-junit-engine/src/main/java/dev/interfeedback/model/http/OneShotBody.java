package dev.interfeedback.model.http;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A JSON request body that okhttp may send only once. okhttp sends a request again by itself on a
 * 503 with {@code Retry-After: 0}, a 307 or 308, or a misdirected HTTP/2 request, whatever its
 * client's settings, unless the body is one-shot; such a re-send would be a request that no retry
 * layer sees, counts or bounds.
 */
final class OneShotBody extends RequestBody {

    private static final MediaType JSON = MediaType.get("application/json");

    private final byte[] bytes;

    OneShotBody(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public MediaType contentType() {
        return JSON;
    }

    @Override
    public long contentLength() {
        return bytes.length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        sink.write(bytes);
    }

    @Override
    public boolean isOneShot() {
        return true;
    }
}
