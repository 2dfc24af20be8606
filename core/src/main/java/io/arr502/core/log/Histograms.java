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

    // the bucket layout of create()'s shape (lowest 1, 2 digits: 256 sub-buckets, the upper 128 per power
    // of two), as HdrHistogram's valueFromIndex computes it; HistogramsTest pins it against the library
    private static final int HALF_MAGNITUDE = 7;
    private static final int HALF = 1 << HALF_MAGNITUDE;
    /** Buckets up to and including MAX_MS's; no histogram of this shape counts beyond them. */
    static final int BUCKETS = bucketOf(MAX_MS) + 1;

    /** The lowest value of bucket i. */
    static long valueAt(int i) {
        int bucket = (i >> HALF_MAGNITUDE) - 1;
        int sub = (i & (HALF - 1)) + HALF;
        if (bucket < 0) {
            sub -= HALF;
            bucket = 0;
        }
        return (long) sub << bucket;
    }

    static int bucketOf(long v) {
        int bucket = 64 - Long.numberOfLeadingZeros(v | (2 * HALF - 1)) - (HALF_MAGNITUDE + 1);
        int sub = (int) (v >>> bucket);
        return ((bucket + 1) << HALF_MAGNITUDE) + (sub - HALF);
    }

    /** The bucket of a time-taken of ms ≥ 0 milliseconds; above an hour it is clamped, as create()'s shape is. */
    static int bucketOfTime(long ms) {
        return bucketOf(Math.min(ms, MAX_MS));
    }

    static AbstractHistogram create() {
        return new IntCountsHistogram(1, MAX_MS, 2);
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
     * Reads what {@link #encode} wrote (HdrHistogram's compressed V2 form; the plain form is read too), as
     * its non-zero buckets: what a window merge needs, without a histogram per minute.
     * Inflated here rather than by HdrHistogram so the header can be checked first: it must describe the
     * histograms this class creates, or a damaged state file could ask for a counts array of tens of
     * megabytes, and a run that runs out of heap never gets to rebuild its state.
     */
    static SparseCounts decodeCounts(String s) throws DataFormatException {
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
        int payload = plain.getInt(4);
        if (plain.getInt(8) != 0 || payload < 0 || payload > plain.remaining() - 40) {
            throw new DataFormatException("histogram header is not one arr502 writes");
        }
        return SparseCounts.read(plain, 40, 40 + payload);
    }
}
