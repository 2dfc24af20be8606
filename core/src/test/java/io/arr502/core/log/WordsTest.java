package io.arr502.core.log;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {

    @Test
    void digitsAgreeWithTheLoopOnEveryLengthAndOnBytesBesideTheDigits() {
        // the neighbours of '0' and '9', bytes with the high bit, and what follows a field in a line
        byte[] alphabet = "0123456789/:;+- \r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] odd = {(byte) 0x2F, (byte) 0x3A, (byte) 0x3F, (byte) 0x40, (byte) 0xB0, (byte) 0xB9, (byte) 0xFF, 0, (byte) 0x36, (byte) 0x10};
        Random r = new Random(42);
        byte[] b = new byte[16];
        int checked = 0;
        int numbers = 0;
        for (int i = 0; i < 400_000; i++) {
            int len = 1 + r.nextInt(8);
            for (int k = 0; k < b.length; k++) {
                b[k] = r.nextInt(4) == 0 ? odd[r.nextInt(odd.length)]
                        : r.nextInt(3) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) ('0' + r.nextInt(10));
            }
            long want = LineParser.digits(b, 0, len); // the per-digit loop: the reference
            assertThat(Words.digits(Words.at(b, 0), len)).as("%s, length %d", new String(b, 0, len, StandardCharsets.ISO_8859_1), len)
                    .isEqualTo(want);
            checked++;
            numbers += want >= 0 ? 1 : 0;
        }
        assertThat(numbers).as("both outcomes are exercised").isBetween(checked / 50, checked - checked / 50);
        byte[] max = "99999999".getBytes(StandardCharsets.US_ASCII);
        assertThat(Words.digits(Words.at(java.util.Arrays.copyOf(max, 16), 0), 8)).isEqualTo(99_999_999L);
        byte[] lead = "00000007".getBytes(StandardCharsets.US_ASCII);
        assertThat(Words.digits(Words.at(java.util.Arrays.copyOf(lead, 16), 0), 8)).isEqualTo(7L);
    }

    @Test
    void equalComparesExactlyTheRangeWhateverFollowsIt() {
        Random r = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            int len = r.nextInt(40);
            byte[] a = new byte[len + 8 + 5];
            byte[] b = new byte[len + 8 + 9];
            r.nextBytes(a);
            r.nextBytes(b);
            System.arraycopy(a, 3, b, 7, len);
            boolean same = r.nextBoolean();
            if (!same && len > 0) {
                b[7 + r.nextInt(len)] ^= (byte) (1 << r.nextInt(8));
            }
            assertThat(Words.equal(a, 3, b, 7, len)).isEqualTo(same || len == 0);
        }
    }
}
