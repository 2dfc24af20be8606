package io.arr502.core.log;

import org.HdrHistogram.AbstractHistogram;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistogramsTest {
    private static AbstractHistogram sample() {
        AbstractHistogram h = Histograms.create();
        for (long v : new long[]{1, 15, 15, 250, 29_990, 30_016, 3_600_000}) {
            Histograms.record(h, v);
        }
        return h;
    }

    private static String plain(AbstractHistogram h) {
        ByteBuffer b = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoByteBuffer(b);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(b.array(), n));
    }

    /** What a damaged state could hold: a valid compressed histogram whose header asks for a huge one. */
    private static String compressedWithHeader(long highest, int digits) {
        return compressedWithHeader(highest, digits, 0);
    }

    private static String compressedWithHeader(long highest, int digits, int padding) {
        byte[] encoded = Base64.getDecoder().decode(plain(sample()));
        byte[] plain = java.util.Arrays.copyOf(encoded, encoded.length + padding);
        ByteBuffer.wrap(plain).putLong(24, highest).putInt(12, digits);
        java.util.zip.Deflater d = new java.util.zip.Deflater();
        d.setInput(plain);
        d.finish();
        byte[] z = new byte[plain.length + 1024];
        int n = d.deflate(z);
        d.end();
        ByteBuffer out = ByteBuffer.allocate(8 + n).putInt(0x1c849304 | 0x10).putInt(n).put(z, 0, n);
        return Base64.getEncoder().encodeToString(out.array());
    }

    @Test
    void theCompressedFormItWritesAndThePlainFormBothReadBack() throws Exception {
        AbstractHistogram h = sample();
        assertThat(Histograms.decode(Histograms.encode(h))).isEqualTo(h);
        assertThat(Histograms.decode(plain(h))).isEqualTo(h);
        assertThat(Histograms.decode(compressedWithHeader(Histograms.MAX_MS, 2))).as("the test's own compressor is sound")
                .isEqualTo(h);
    }

    @Test
    void aHeaderAskingForAHugeHistogramIsRefusedBeforeAnyAllocation() {
        assertThatThrownBy(() -> Histograms.decode(compressedWithHeader(Long.MAX_VALUE / 2, 5)))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("header");
        byte[] bytes = Base64.getDecoder().decode(plain(sample()));
        ByteBuffer.wrap(bytes).putLong(24, Long.MAX_VALUE / 2).putInt(12, 5);
        assertThatThrownBy(() -> Histograms.decode(Base64.getEncoder().encodeToString(bytes)))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("header");
    }

    @Test
    void aPayloadThatInflatesBeyondAMegabyteIsRefused() {
        assertThatThrownBy(() -> Histograms.decode(compressedWithHeader(Histograms.MAX_MS, 2, 4 << 20)))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("inflates beyond");
    }

    @Test
    void garbageIsADataFormatExceptionNeverAnotherException() {
        for (String bad : new String[]{"", "not base64 !", "AAAA", Base64.getEncoder().encodeToString(new byte[64]),
                Histograms.encode(sample()).substring(0, 60)}) {
            assertThatThrownBy(() -> Histograms.decode(bad)).as(bad).isInstanceOf(DataFormatException.class);
        }
    }
}
