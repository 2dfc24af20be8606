package io.arr502.core.collect;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes a collector file whatever wrote it. The collectors write ASCII-escaped UTF-8, but a file can also come from
 * Windows PowerShell 5.1's {@code Out-File}/{@code >} (UTF-16LE with BOM), {@code Set-Content -Encoding UTF8} (UTF-8
 * with BOM), {@code Start-Process -RedirectStandardOutput} (the console's OEM code page) or a hand copy. A BOM decides;
 * without one, NUL bytes in every other position mean UTF-16 (JSON text is mostly ASCII); otherwise UTF-8, and bytes
 * that are not UTF-8 are replaced (U+FFFD) with a note, so one accented word costs one word, not the collector.
 */
public final class CollectorText {
    private CollectorText() {
    }

    /** The text, and a one-line note when it was not plain UTF-8 (null when it was). */
    public record Decoded(String text, String note) {
    }

    public static Decoded decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return utf8(b, 3); // Set-Content -Encoding UTF8 in 5.1: a BOM, then UTF-8
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE with BOM (Windows PowerShell 5.1 Out-File default); read as UTF-16LE");
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE with BOM; read as UTF-16BE");
        }
        String utf16 = nulPattern(b);
        if (utf16 != null) {
            Charset cs = utf16.equals("LE") ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            return new Decoded(new String(b, 0, b.length - (b.length % 2), cs), "UTF-16" + utf16 + " without BOM; read as UTF-16" + utf16);
        }
        return utf8(b, 0);
    }

    private static Decoded utf8(byte[] b, int from) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new Decoded(strict.decode(ByteBuffer.wrap(b, from, b.length - from)).toString(), null);
        } catch (CharacterCodingException e) {
            int bad = firstInvalid(b, from);
            int count = countInvalid(b, from);
            String text = new String(b, from, b.length - from, StandardCharsets.UTF_8); // replaces bad bytes with U+FFFD
            return new Decoded(text, String.format(Locale.ROOT,
                    "not valid UTF-8 (%d invalid byte sequence%s, first 0x%02X at byte %d: written in a legacy code page?); "
                            + "read with replacement characters", count, count == 1 ? "" : "s", b[bad] & 0xff, bad));
        }
    }

    /** "LE" when most odd bytes are NUL and even ones are not, "BE" for the reverse, null otherwise. */
    private static String nulPattern(byte[] b) {
        int n = Math.min(b.length, 4096) & ~1;
        if (n < 4) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                if ((i & 1) == 0) {
                    evenNul++;
                } else {
                    oddNul++;
                }
            }
        }
        int half = n / 2;
        if (oddNul * 10 >= half * 7 && evenNul * 10 < half) {
            return "LE";
        }
        if (evenNul * 10 >= half * 7 && oddNul * 10 < half) {
            return "BE";
        }
        return null;
    }

    private static int firstInvalid(byte[] b, int from) {
        int i = from;
        while (i < b.length) {
            int len = sequenceLength(b, i);
            if (len < 0) {
                return i;
            }
            i += len;
        }
        return from;
    }

    private static int countInvalid(byte[] b, int from) {
        int i = from;
        int bad = 0;
        while (i < b.length) {
            int len = sequenceLength(b, i);
            if (len < 0) {
                bad++;
                i++;
            } else {
                i += len;
            }
        }
        return bad;
    }

    /** Length of the well-formed UTF-8 sequence at i, or -1. */
    private static int sequenceLength(byte[] b, int i) {
        int c = b[i] & 0xff;
        int len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : -1;
        if (len <= 1 || i + len > b.length) {
            return len == 1 ? 1 : -1;
        }
        for (int k = 1; k < len; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        return len;
    }
}
