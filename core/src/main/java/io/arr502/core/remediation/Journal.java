package io.arr502.core.remediation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@code --apply} did, line by line: each line goes to the file (written and synced before the
 * next step runs, so a killed run still leaves its record) and to the sink (the check's output).
 */
public final class Journal implements AutoCloseable {
    private final Path file;
    private final FileChannel out;
    private final Consumer<String> sink;
    private final Clock clock;
    private final List<String> lines = new ArrayList<>();

    private Journal(Path file, FileChannel out, Consumer<String> sink, Clock clock) {
        this.file = file;
        this.out = out;
        this.sink = sink;
        this.clock = clock;
    }

    /** A journal appended to {@code file} (created with its folder); null file keeps it in memory only. */
    public static Journal open(Path file, Consumer<String> sink, Clock clock) throws IOException {
        if (file == null) {
            return new Journal(null, null, sink, clock);
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        // never through a symlink someone planted under the journal's name
        return new Journal(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                LinkOption.NOFOLLOW_LINKS), sink, clock);
    }

    public synchronized void add(String line) {
        lines.add(line);
        sink.accept(line);
        if (out != null) {
            try {
                ByteBuffer b = ByteBuffer.wrap((clock.instant() + " " + line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) {
                    out.write(b);
                }
                out.force(false);
            } catch (IOException e) {
                String w = "journal: cannot write " + file + ": " + e.getMessage();
                lines.add(w);
                sink.accept(w);
            }
        }
    }

    public Path file() {
        return file;
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
