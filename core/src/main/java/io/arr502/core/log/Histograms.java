package io.arr502.core.log;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** time-taken histograms: 1 ms to 1 h at 2 significant digits (values above an hour are clamped). */
final class Histograms {
    static final long MAX_MS = 3_600_000L;

    private Histograms() {
    }

    static AbstractHistogram create() {
        return new IntCountsHistogram(1, MAX_MS, 2);
    }

    static void record(AbstractHistogram h, long ms) {
        h.recordValue(Math.min(Math.max(ms, 0), MAX_MS));
    }

    static String encode(AbstractHistogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), n));
    }

    // HdrHistogram's V2 cookies, without the word-size nibble
    private static final int PLAIN_COOKIE = 0x1c849303;
    private static final int COMPRESSED_COOKIE = 0x1c849304;
    /** Far above any histogram this class writes (about 14 KB plain), far below what could hurt the heap. */
    private static final int MAX_PLAIN_BYTES = 1 << 20;

    /**
     * Reads what {@link #encode} wrote (HdrHistogram's compressed V2 form; the plain form is read too).
     * Inflated here rather than by HdrHistogram so the header can be checked first: it must describe the
     * histograms this class creates, or a damaged state file could ask for a counts array of tens of
     * megabytes, and a run that runs out of heap never gets to rebuild its state.
     */
    static AbstractHistogram decode(String s) throws DataFormatException {
        ByteBuffer in;
        try {
            in = ByteBuffer.wrap(Base64.getDecoder().decode(s));
        } catch (IllegalArgumentException e) {
            throw new DataFormatException("histogram is not base64");
        }
        if (in.remaining() < 8) {
            throw new DataFormatException("histogram too short");
        }
        int cookie = in.getInt(0) & ~0xf0;
        ByteBuffer plain;
        if (cookie == COMPRESSED_COOKIE) {
            int length = in.getInt(4);
            if (length < 0 || length > in.remaining() - 8) {
                throw new DataFormatException("compressed histogram length out of range");
            }
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(in.array(), 8, length);
                byte[] out = new byte[16 * 1024];
                int n = 0;
                while (!inflater.finished()) {
                    if (n == out.length) {
                        if (out.length >= MAX_PLAIN_BYTES) {
                            throw new DataFormatException("compressed histogram inflates beyond " + MAX_PLAIN_BYTES + " bytes");
                        }
                        out = java.util.Arrays.copyOf(out, out.length * 2);
                    }
                    int r = inflater.inflate(out, n, out.length - n);
                    if (r == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    n += r;
                }
                plain = ByteBuffer.wrap(out, 0, n).slice();
            } finally {
                inflater.end();
            }
        } else if (cookie == PLAIN_COOKIE) {
            plain = in;
        } else {
            throw new DataFormatException("not a histogram");
        }
        if (plain.remaining() < 40 || (plain.getInt(0) & ~0xf0) != PLAIN_COOKIE) {
            throw new DataFormatException("histogram header missing");
        }
        if (plain.getInt(12) != 2 || plain.getLong(16) != 1 || plain.getLong(24) > MAX_MS) {
            throw new DataFormatException("histogram header is not one arr502 writes");
        }
        try {
            // the header was checked: this has create()'s shape (1 ms to MAX_MS, 2 digits), no copy needed
            return IntCountsHistogram.decodeFromByteBuffer(plain, MAX_MS);
        } catch (RuntimeException e) {
            throw new DataFormatException("histogram unreadable: " + e.getMessage());
        }
    }
}
