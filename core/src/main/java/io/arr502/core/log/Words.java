package io.arr502.core.log;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Eight bytes at a time: the scanner, the field search and the route hash read log bytes as words. */
final class Words {
    static final long SPACES = 0x2020202020202020L;
    static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Words() {
    }

    /** b[i, i + 8) as a little-endian word: byte i in the lowest bits. */
    static long at(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** Exact: the high bit of each byte of x that is zero, and no other bit (so popcount counts them). */
    static long zeroBytes(long x) {
        long t = (x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
        return ~(t | x | 0x7F7F7F7F7F7F7F7FL);
    }
}
