package io.arr502.core.log;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;

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
        byte[] bytes = new byte[n];
        buf.flip();
        buf.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static AbstractHistogram decode(String s) throws DataFormatException {
        byte[] bytes = Base64.getDecoder().decode(s);
        AbstractHistogram decoded = IntCountsHistogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), MAX_MS);
        AbstractHistogram h = create();
        h.add(decoded);
        return h;
    }
}
