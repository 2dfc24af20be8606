package io.arr502.core.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Real servers on 127.0.0.1 for the probe tests: well-behaved HTTP(S) endpoints and raw sockets that misbehave. */
final class LoopbackServers implements AutoCloseable {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final List<AutoCloseable> open = new ArrayList<>();

    /** /health (fast, fixed length), /chunked (fast, chunked), /api/slow-endpoint (3 s before headers),
     * /slow-body (headers, then 3 s of silence), /broken (503), /moved (302 to /health), /secure (basic auth). */
    int http() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        routes(s);
        start(s);
        return s.getAddress().getPort();
    }

    int https(KeyStore ks) throws Exception {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "pw".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        s.setHttpsConfigurator(new HttpsConfigurator(ctx));
        routes(s);
        start(s);
        return s.getAddress().getPort();
    }

    private void start(HttpServer s) {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-http");
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(pool);
        s.start();
        open.add(() -> {
            s.stop(0);
            pool.shutdownNow();
        });
    }

    private static void routes(HttpServer s) {
        s.createContext("/health", ex -> reply(ex, 200, "Healthy"));
        s.createContext("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0); // 0 = chunked: no Content-Length
            try (OutputStream o = ex.getResponseBody()) {
                o.write("status: Healthy".getBytes(StandardCharsets.UTF_8));
            }
        });
        s.createContext("/api/slow-endpoint", ex -> {
            sleep(3_000);
            reply(ex, 200, "slow");
        });
        s.createContext("/slow-body", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream o = ex.getResponseBody()) {
                o.write("partial".getBytes(StandardCharsets.UTF_8));
                o.flush();
                sleep(3_000);
                o.write(" rest".getBytes(StandardCharsets.UTF_8));
            }
        });
        s.createContext("/broken", ex -> reply(ex, 503, "Service Unavailable"));
        s.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "/health");
            reply(ex, 302, "");
        });
        s.createContext("/secure", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            reply(ex, "Basic YXJyNTAyOnMzY3JldA==".equals(auth) ? 200 : 401, "secure");
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // server stopping
        }
    }

    static void reply(HttpExchange ex, int code, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(code, b.length == 0 ? -1 : b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    /** A port nothing listens on (bound, then released). */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    /** Accepts connections and hands each to {@code behaviour} on a daemon thread. */
    int raw(Consumer<Socket> behaviour) throws IOException {
        ServerSocket s = new ServerSocket(0, 50, LOOPBACK);
        List<Socket> accepted = new ArrayList<>();
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket c = s.accept();
                    synchronized (accepted) {
                        accepted.add(c);
                    }
                    behaviour.accept(c);
                } catch (IOException e) {
                    return; // closed by the test
                }
            }
        }, "test-raw");
        t.setDaemon(true);
        t.start();
        open.add(() -> {
            s.close();
            synchronized (accepted) {
                for (Socket c : accepted) {
                    c.close();
                }
            }
        });
        return s.getLocalPort();
    }

    /** Reads the request, then resets the connection (SO_LINGER 0 sends RST instead of FIN). */
    static void reset(Socket c) {
        try {
            c.getInputStream().read(new byte[4096]);
            c.setSoLinger(true, 0);
            c.close();
        } catch (IOException ignored) {
            // the client went away first
        }
    }

    /** Reads the request, then closes cleanly without a response. */
    static void hangUp(Socket c) {
        try {
            c.getInputStream().read(new byte[4096]);
            c.close();
        } catch (IOException ignored) {
            // the client went away first
        }
    }

    /** Accepts and never says a word (a backend whose TLS stack or app is stuck). */
    static void silent(Socket c) {
        // keep the socket open until the test closes the server
    }

    /** Answers anything, a TLS ClientHello included, with a plain HTTP 400. */
    static void plainHttp(Socket c) {
        try {
            c.getInputStream().read(new byte[4096]);
            c.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            c.getOutputStream().flush();
            c.close();
        } catch (IOException ignored) {
            // the client went away first
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }
}
