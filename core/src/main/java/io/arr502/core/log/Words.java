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

    /**
     * a[ai, ai + len) equals b[bi, bi + len), compared a word at a time; both arrays must be readable 8
     * bytes past their range. For the short keys of the scan's caches, where Arrays.equals' call into the
     * vectorized mismatch costs more than the comparison (a tenth of a warm scan, measured).
     */
    static boolean equal(byte[] a, int ai, byte[] b, int bi, int len) {
        int k = 0;
        for (; k + 8 <= len; k += 8) {
            if (at(a, ai + k) != at(b, bi + k)) {
                return false;
            }
        }
        return k == len || ((at(a, ai + k) ^ at(b, bi + k)) & (-1L >>> (64 - 8 * (len - k)))) == 0;
    }

    /**
     * The value of the first len (1 to 8) bytes of w as decimal digits, most significant first; -1 when one
     * is not a digit. Without a branch per digit: the field lengths of a log line vary, and a loop's exit
     * is a mispredicted branch per field (status, substatus, win32 and time-taken cost 8 % of a warm scan).
     */
    static long digits(long w, int len) {
        int pad = 8 * (8 - len);
        // the digits move to the top bytes; '0's fill the bottom ones, the leading zeros of an 8-digit number
        long c = pad == 0 ? w : w << pad | ZEROS >>> (64 - pad);
        // every byte 0x30..0x3F, and still 0x3_ after adding 6 (no byte carries into the next): '0'..'9'
        if ((c & 0xF0F0F0F0F0F0F0F0L) != ZEROS || ((c + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) != ZEROS) {
            return -1;
        }
        long x = c - ZEROS;
        x = (x * 10 + (x >>> 8)) & 0x00FF00FF00FF00FFL;
        x = (x * 100 + (x >>> 16)) & 0x0000FFFF0000FFFFL;
        return (x * 10000 + (x >>> 32)) & 0xFFFFFFFFL;
    }

    private static final long ZEROS = 0x3030303030303030L;
}
