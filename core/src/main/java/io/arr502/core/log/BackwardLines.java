package io.arr502.core.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file's complete lines before an offset, newest first, with their line numbers. For the rare questions
 * asked after a scan (the newest request of a quiet log, a few 502.3 lines to show), never per request.
 */
final class BackwardLines {
    private static final int BLOCK = 64 * 1024;

    interface Visitor {
        /** A line b[from, to) without its line end; false stops the walk. */
        boolean line(byte[] b, int from, int to, long lineNumber);
    }

    private BackwardLines() {
    }

    /**
     * Visits the lines ending before {@code end} (a line start, as a cursor's offset is), the last one numbered
     * {@code lastLine}, until the visitor stops or {@code budget} bytes are read. Returns the bytes read.
     */
    static long walk(Path f, long end, long lastLine, long budget, Visitor v) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            long pos = Math.min(end, ch.size());
            byte[] carry = new byte[0];
            long line = lastLine;
            long read = 0;
            boolean first = true;
            while (pos > 0 && read < budget && carry.length <= ChunkScanner.MAX_LINE) {
                int len = (int) Math.min(BLOCK, pos);
                long start = pos - len;
                byte[] b = new byte[len + carry.length];
                ByteBuffer bb = ByteBuffer.wrap(b, 0, len);
                while (bb.hasRemaining()) {
                    if (ch.read(bb, start + bb.position()) < 0) {
                        return read; // the file shrank
                    }
                }
                System.arraycopy(carry, 0, b, len, carry.length);
                read += len;
                pos = start;
                int e = b.length;
                if (first && e > 0 && b[e - 1] == '\n') {
                    e--;
                }
                first = false;
                for (int i = e - 1; i >= 0; i--) {
                    if (b[i] == '\n') {
                        if (!visit(b, i + 1, e, line--, v)) {
                            return read;
                        }
                        e = i;
                    }
                }
                if (start == 0) {
                    visit(b, 0, e, line, v);
                    return read;
                }
                carry = java.util.Arrays.copyOf(b, e);
            }
            return read;
        }
    }

    private static boolean visit(byte[] b, int from, int to, long line, Visitor v) {
        if (to > from && b[to - 1] == '\r') {
            to--;
        }
        if (from < to && from + 3 <= to && b[from] == (byte) 0xEF && b[from + 1] == (byte) 0xBB && b[from + 2] == (byte) 0xBF) {
            from += 3;
        }
        return to <= from || v.line(b, from, to, line);
    }

    static boolean isFields(byte[] b, int from, int to) {
        return to - from >= 8 && new String(b, from, 8, java.nio.charset.StandardCharsets.US_ASCII).equals("#Fields:");
    }
}
