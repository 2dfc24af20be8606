package io.arr502.core.collect;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecuteResultHandler;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one external command (collector, appcmd, iisreset) on commons-exec: an argument vector, never
 * a shell string; a deadline that kills the whole process tree; output capped. Never throws for what
 * the process does — a missing executable, a crash or a timeout is in the result.
 */
public final class CommandRunner {
    private final Duration timeout;
    private final int maxOutputBytes;

    public CommandRunner(Duration timeout, int maxOutputBytes) {
        this.timeout = timeout;
        this.maxOutputBytes = maxOutputBytes;
    }

    public static CommandRunner defaults() {
        return new CommandRunner(Duration.ofSeconds(60), 4 << 20);
    }

    public CommandResult run(List<String> argv, Path workDir, Map<String, String> extraEnv) {
        if (argv.isEmpty()) {
            return new CommandResult(argv, -1, "", "", 0, false, false, "empty command");
        }
        CommandLine cl = new CommandLine(argv.get(0));
        for (String a : argv.subList(1, argv.size())) {
            cl.addArgument(a, false); // no quoting games: each element is one argument
        }
        CappedStream out = new CappedStream(maxOutputBytes);
        CappedStream err = new CappedStream(maxOutputBytes);
        // our own deadline kills descendants first (once the direct child dies, its children are
        // re-parented and out of reach); the library's watchdog is only a backstop
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout.plusSeconds(30)).get();
        TreeKiller killer = new TreeKiller();
        DefaultExecutor exec = DefaultExecutor.builder().setWorkingDirectory(workDir == null ? null : workDir.toFile()).get();
        exec.setStreamHandler(new PumpStreamHandler(out, err));
        exec.setWatchdog(killer.wrap(watchdog));
        exec.setExitValues(null); // every exit code is a result, not an exception
        Map<String, String> env = new HashMap<>(System.getenv());
        if (extraEnv != null) {
            env.putAll(extraEnv);
        }
        long t0 = System.nanoTime();
        DefaultExecuteResultHandler handler = new DefaultExecuteResultHandler();
        boolean timedOut = false;
        try {
            exec.execute(cl, env, handler);
            handler.waitFor(timeout);
            if (!handler.hasResult()) {
                timedOut = true;
                killer.killTree();
                handler.waitFor(Duration.ofSeconds(5));
            }
        } catch (IOException e) {
            return new CommandResult(argv, -1, "", "", ms(t0), false, false, oneLine(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killer.killTree();
            return new CommandResult(argv, -1, out.text(), err.text(), ms(t0), true, out.truncated || err.truncated, null);
        }
        timedOut |= watchdog.killedProcess() || !handler.hasResult();
        if (!timedOut && handler.getException() != null && handler.getExitValue() == org.apache.commons.exec.Executor.INVALID_EXITVALUE) {
            ExecuteException ex = handler.getException();
            return new CommandResult(argv, -1, out.text(), err.text(), ms(t0), false, false, oneLine(ex.getCause() != null ? ex.getCause() : ex));
        }
        return new CommandResult(argv, timedOut ? -1 : handler.getExitValue(), out.text(), err.text(), ms(t0), timedOut,
                out.truncated || err.truncated, null);
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (m.contains("error=2") || m.contains("No such file")) {
            m = "executable not found";
        }
        return m.replaceAll("[\\r\\n]+", " ");
    }

    /** commons-exec's watchdog kills the direct child only; a collector's own children must go too. */
    private static final class TreeKiller {
        private volatile Process process;

        ExecuteWatchdog wrap(ExecuteWatchdog w) {
            return new Delegating(w, this);
        }

        void remember(Process p) {
            this.process = p;
        }

        void killTree() {
            Process p = process;
            if (p != null) {
                // deepest first, while the tree is still linked
                p.descendants().sorted(java.util.Comparator.comparingLong(ProcessHandle::pid).reversed())
                        .forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    /** Delegates to the real watchdog, and kills descendants first when it fires. */
    private static final class Delegating extends ExecuteWatchdog {
        private final ExecuteWatchdog inner;
        private final TreeKiller killer;

        Delegating(ExecuteWatchdog inner, TreeKiller killer) {
            super(ExecuteWatchdog.INFINITE_TIMEOUT);
            this.inner = inner;
            this.killer = killer;
        }

        @Override
        public synchronized void start(Process process) {
            killer.remember(process);
            inner.start(process);
        }

        @Override
        public synchronized void stop() {
            inner.stop();
        }

        @Override
        public synchronized void destroyProcess() {
            killer.killTree();
            inner.destroyProcess();
        }

        @Override
        public synchronized void timeoutOccured(org.apache.commons.exec.Watchdog w) {
            killer.killTree();
            inner.timeoutOccured(w);
        }

        @Override
        public synchronized boolean killedProcess() {
            return inner.killedProcess();
        }

        @Override
        public synchronized boolean isWatching() {
            return inner.isWatching();
        }

        @Override
        public synchronized void checkException() throws Exception {
            inner.checkException();
        }
    }

    /** Keeps the first {@code cap} bytes and drops the rest, so a flooding process cannot exhaust memory. */
    private static final class CappedStream extends OutputStream {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final int cap;
        volatile boolean truncated;

        CappedStream(int cap) {
            this.cap = cap;
        }

        @Override
        public synchronized void write(int b) {
            if (buf.size() < cap) {
                buf.write(b);
            } else {
                truncated = true;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = cap - buf.size();
            if (room >= len) {
                buf.write(b, off, len);
            } else {
                if (room > 0) {
                    buf.write(b, off, room);
                }
                truncated = true;
            }
        }

        synchronized String text() {
            return buf.toString(StandardCharsets.UTF_8);
        }
    }
}
