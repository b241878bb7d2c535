package dev.interfeedback.model.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A JSON request body written with Jackson's streaming generator, with images as references into
 * the run's {@link ImageStore}: the JSON around them is a few small byte arrays, and each image's
 * base64 goes from the store to the socket when okhttp writes the body, never as a string.
 *
 * <p>The body is one-shot: okhttp sends a request again by itself on a 503 with
 * {@code Retry-After: 0}, a 307 or 308, or a misdirected HTTP/2 request, whatever its client's
 * settings, unless the body is one-shot; such a re-send would be a request that no retry layer
 * sees, counts or bounds. Its length is known before it is written, so it goes with a
 * {@code Content-Length} as before, not chunked.
 */
public final class JsonBody extends RequestBody {

    private static final MediaType JSON = MediaType.get("application/json");
    // Jackson keeps a set of buffers (about 30 KB once used) for every thread by default; with a
    // worker thread per call in flight that is 60 MB at 2,048 calls. One pool shared by all threads
    // holds only as many sets as were ever in use at once (a body being built, an answer parsed).
    static final JsonFactory FACTORY =
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();

    private final ImageStore images;
    private final List<Object> pieces; // byte[] of JSON, or an image's ImageStore.Stored
    private final long length;

    private JsonBody(ImageStore images, List<Object> pieces, long length) {
        this.images = images;
        this.pieces = pieces;
        this.length = length;
    }

    /** Starts a body whose images come from {@code images}. */
    public static Writer writer(ImageStore images) {
        return new Writer(images);
    }

    @Override
    public MediaType contentType() {
        return JSON;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        for (Object piece : pieces) {
            if (piece instanceof byte[] json) sink.write(json);
            else images.writeBase64((ImageStore.Stored) piece, sink);
        }
    }

    @Override
    public boolean isOneShot() {
        return true;
    }

    /** The body as one array, for tests and diagnostics; it reads images as a call would. */
    public byte[] bytes() throws IOException {
        okio.Buffer buffer = new okio.Buffer();
        writeTo(buffer);
        return buffer.readByteArray();
    }

    /** Writes one body: JSON through {@link #json()}, images through {@link #image}. */
    public static final class Writer {
        private final ImageStore images;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
        private final JsonGenerator json;
        private final List<Object> pieces = new ArrayList<>();
        private long length;

        private Writer(ImageStore images) {
            this.images = images;
            try {
                this.json = FACTORY.createGenerator(buffer);
            } catch (IOException e) {
                throw new IllegalStateException("a generator over memory cannot fail", e);
            }
        }

        public JsonGenerator json() {
            return json;
        }

        /**
         * Writes the image's base64 as the current string value, after {@code prefix} (such as
         * {@code data:image/png;base64,}, which must need no JSON escaping).
         */
        public void image(String prefix, ImageStore.Stored image) throws IOException {
            json.writeRawValue("\"" + prefix);
            cut();
            pieces.add(image);
            length += image.base64Length();
            json.writeRaw('"');
        }

        public JsonBody finish() throws IOException {
            json.close();
            cut();
            return new JsonBody(images, List.copyOf(pieces), length);
        }

        private void cut() throws IOException {
            json.flush();
            if (buffer.size() > 0) {
                pieces.add(buffer.toByteArray());
                length += buffer.size();
                buffer.reset();
            }
        }
    }
}
