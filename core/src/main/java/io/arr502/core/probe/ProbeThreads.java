package io.arr502.core.probe;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The only threads probes start: daemon threads, shared by all probes, that end by themselves when
 * idle. A blocked name lookup or a stalled handshake cannot outlive the probe's deadline, and a
 * Jenkins agent or a Nagios check JVM never waits on them to exit.
 */
final class ProbeThreads {
    private static final ExecutorService DNS = daemonPool("arr502-probe-dns");
    private static final ScheduledExecutorService DEADLINES = deadlines();

    private ProbeThreads() {
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static ExecutorService daemonPool(String name) {
        ThreadPoolExecutor p = new ThreadPoolExecutor(0, 16, 30, TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), daemon(name),
                new ThreadPoolExecutor.CallerRunsPolicy());
        return p;
    }

    private static ScheduledExecutorService deadlines() {
        java.util.concurrent.ScheduledThreadPoolExecutor s = new java.util.concurrent.ScheduledThreadPoolExecutor(1, daemon("arr502-probe-deadline"));
        s.setKeepAliveTime(30, TimeUnit.SECONDS);
        s.allowCoreThreadTimeOut(true);
        s.setRemoveOnCancelPolicy(true);
        return s;
    }

    /** Thrown when the name lookup alone used up the probe's deadline. */
    static final class DnsTimeout extends SocketTimeoutException {
        DnsTimeout(String host, long millis) {
            super("name lookup of " + host + " took longer than " + millis + " ms");
        }
    }

    /** The system resolver, bounded by {@code millis}: the lookup may go on in the background, the probe does not wait. */
    static List<InetAddress> lookup(String host, long millis) throws IOException {
        Future<InetAddress[]> f = DNS.submit(() -> InetAddress.getAllByName(host));
        try {
            return Arrays.asList(f.get(Math.max(1, millis), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new DnsTimeout(host, millis);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while resolving " + host);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException u) {
                throw u;
            }
            throw new UnknownHostException(host + ": " + Prober.oneLine(e.getCause()));
        }
    }

    /** Closes {@code c} when the deadline passes; cancel the returned handle when done in time. */
    static ScheduledFuture<?> closeAt(Closeable c, long millis, Runnable onFire) {
        return DEADLINES.schedule(() -> {
            onFire.run();
            try {
                c.close();
            } catch (IOException ignored) {
                // closing is all we can do; the probe reports the timeout
            }
        }, Math.max(1, millis), TimeUnit.MILLISECONDS);
    }
}
