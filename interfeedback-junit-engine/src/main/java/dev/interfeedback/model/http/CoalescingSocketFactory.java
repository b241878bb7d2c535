package dev.interfeedback.model.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.net.SocketFactory;

/**
 * Plain sockets whose output gathers okio's writes, one per 8 KiB segment, into writes of up to
 * 256 KiB until flushed: a request body with a real-size image is about a hundred segments, and a
 * system call per segment cost more CPU than everything else a call does (system calls are dear
 * on virtual machines). With a 636 KB image on every request, writes of 256 KiB took a sixth less
 * system time than writes of 64 KiB; writes of 1 MiB took no less again. okhttp flushes at the end
 * of every request, and TLS after every record, so nothing waits in the buffer for an answer.
 *
 * <p>A buffer is held only while a request is being written, from a small pool (4 MiB at most),
 * so that thousands of idle pooled connections hold none; a write beyond the pool's sixteen at
 * once takes a buffer of its own, which is rare: a request is written in microseconds.
 */
final class CoalescingSocketFactory extends SocketFactory {

    static final CoalescingSocketFactory INSTANCE = new CoalescingSocketFactory();

    private static final int SIZE = 256 * 1024;
    private static final BlockingQueue<byte[]> BUFFERS = new ArrayBlockingQueue<>(16);

    private CoalescingSocketFactory() {}

    @Override
    public Socket createSocket() {
        return new CoalescingSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), localAddress, localPort);
    }

    private static Socket connected(InetSocketAddress remote) throws IOException {
        Socket socket = new CoalescingSocket();
        socket.connect(remote);
        return socket;
    }

    private static Socket connected(InetSocketAddress remote, InetAddress localAddress, int localPort) throws IOException {
        Socket socket = new CoalescingSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(remote);
        return socket;
    }

    private static final class CoalescingSocket extends Socket {
        private OutputStream out;

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) out = new CoalescingOutputStream(super.getOutputStream());
            return out;
        }
    }

    /** Used by one thread at a time, as a connection's sink is. */
    static final class CoalescingOutputStream extends OutputStream {
        private final OutputStream out;
        private byte[] pending;
        private int count;

        CoalescingOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (pending != null && count + len > SIZE) drain();
            if (len >= SIZE) {
                out.write(b, off, len);
                return;
            }
            if (pending == null) {
                byte[] pooled = BUFFERS.poll();
                pending = pooled != null ? pooled : new byte[SIZE];
            }
            System.arraycopy(b, off, pending, count, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            try {
                drain();
            } finally {
                release();
            }
            out.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                flush();
            } finally {
                out.close();
            }
        }

        private void drain() throws IOException {
            if (count == 0) return;
            int n = count;
            count = 0;
            out.write(pending, 0, n);
        }

        private void release() {
            if (pending == null) return;
            byte[] buffer = pending;
            pending = null;
            count = 0;
            BUFFERS.offer(buffer);
        }
    }
}
