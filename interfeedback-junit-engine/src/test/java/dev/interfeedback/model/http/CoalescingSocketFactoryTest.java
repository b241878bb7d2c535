package dev.interfeedback.model.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.model.openai.OpenAiCompatibleModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class CoalescingSocketFactoryTest {

    /** What reaches the socket: each write's length, and the bytes. */
    private static final class Recording extends OutputStream {
        final List<Integer> writes = new ArrayList<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int flushes;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes.add(len);
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes++;
        }
    }

    @Test
    void segmentWritesGoOutAsWritesOfUpTo256KibAndTheRestOnFlush() throws IOException {
        Recording socket = new Recording();
        OutputStream out = new CoalescingSocketFactory.CoalescingOutputStream(socket);
        byte[] body = new byte[850_000];
        new Random(3).nextBytes(body);
        for (int off = 0; off < body.length; off += 8192) out.write(body, off, Math.min(8192, body.length - off));
        assertThat(socket.writes).as("nothing waits beyond a full buffer").hasSize(3).allMatch(n -> n <= 256 * 1024);

        out.flush();
        assertThat(socket.writes).hasSize(4);
        assertThat(socket.flushes).isEqualTo(1);
        assertThat(socket.bytes.toByteArray()).isEqualTo(body);
    }

    @Test
    void nothingIsHeldBackOnceFlushedAndLargeWritesGoStraightThrough() throws IOException {
        Recording socket = new Recording();
        OutputStream out = new CoalescingSocketFactory.CoalescingOutputStream(socket);
        out.write("POST / HTTP/1.1\r\n\r\n".getBytes());
        assertThat(socket.writes).isEmpty();
        out.flush();
        assertThat(socket.bytes.toString()).isEqualTo("POST / HTTP/1.1\r\n\r\n");

        out.write(new byte[300_000], 0, 300_000);
        assertThat(socket.writes).containsExactly(19, 300_000);
        out.write('x');
        out.close();
        assertThat(socket.writes).containsExactly(19, 300_000, 1);
    }

    @Test
    void cleartextModelsGatherTheirWritesAndTlsOrAGivenSocketFactoryIsLeftAlone() {
        HttpModelSettings http = HttpModelSettings.builder("m", "http://127.0.0.1:1/v1", "x").build();
        HttpModelSettings https = HttpModelSettings.builder("m", "https://api.example.com/v1", "x").build();
        OkHttpClient plain = new OkHttpClient();
        SocketFactory own = new SocketFactory() {
            @Override
            public java.net.Socket createSocket() {
                return new java.net.Socket();
            }

            @Override
            public java.net.Socket createSocket(String host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.net.Socket createSocket(java.net.InetAddress host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local, int localPort) {
                throw new UnsupportedOperationException();
            }
        };

        assertThat(OpenAiCompatibleModel.create(http, k -> null, plain).httpClient().socketFactory())
                .isSameAs(CoalescingSocketFactory.INSTANCE);
        assertThat(OpenAiCompatibleModel.create(https, k -> null, plain).httpClient().socketFactory())
                .isSameAs(SocketFactory.getDefault());
        assertThat(OpenAiCompatibleModel.create(http, k -> null, plain.newBuilder().socketFactory(own).build())
                .httpClient().socketFactory()).isSameAs(own);
    }
}
