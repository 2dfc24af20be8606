package io.arr502.core.log;

import org.HdrHistogram.AbstractHistogram;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistogramsTest {
    /** The state's histogram whole again, as a window's summary gets it. */
    private static AbstractHistogram decode(String s) throws DataFormatException {
        AbstractHistogram h = Histograms.create();
        Histograms.decodeCounts(s).addTo(h);
        return h;
    }

    private static AbstractHistogram sample() {
        AbstractHistogram h = Histograms.create();
        for (long v : new long[]{1, 15, 15, 250, 29_990, 30_016, 3_600_000}) {
            record(h, v);
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
        assertThat(decode(Histograms.encode(h))).isEqualTo(h);
        assertThat(decode(plain(h))).isEqualTo(h);
        assertThat(decode(compressedWithHeader(Histograms.MAX_MS, 2))).as("the test's own compressor is sound")
                .isEqualTo(h);
    }

    @Test
    void aHeaderAskingForAHugeHistogramIsRefusedBeforeAnyAllocation() {
        assertThatThrownBy(() -> decode(compressedWithHeader(Long.MAX_VALUE / 2, 5)))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("header");
        byte[] bytes = Base64.getDecoder().decode(plain(sample()));
        ByteBuffer.wrap(bytes).putLong(24, Long.MAX_VALUE / 2).putInt(12, 5);
        assertThatThrownBy(() -> decode(Base64.getEncoder().encodeToString(bytes)))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("header");
    }

    @Test
    void aPayloadThatInflatesBeyondAMegabyteIsRefused() {
        assertThatThrownBy(() -> decode(compressedWithHeader(Histograms.MAX_MS, 2, 4 << 20)))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("inflates beyond");
    }

    @Test
    void garbageIsADataFormatExceptionNeverAnotherException() {
        for (String bad : new String[]{"", "not base64 !", "AAAA", Base64.getEncoder().encodeToString(new byte[64]),
                Histograms.encode(sample()).substring(0, 60)}) {
            assertThatThrownBy(() -> decode(bad)).as(bad).isInstanceOf(DataFormatException.class);
        }
    }

    @Test
    void theBucketLayoutIsHdrHistogramsOwn() {
        AbstractHistogram h = Histograms.create();
        for (int i = 0; i < Histograms.BUCKETS; i++) {
            long v = Histograms.valueAt(i);
            assertThat(h.lowestEquivalentValue(v)).as("bucket %d starts at %d", i, v).isEqualTo(v);
            assertThat(Histograms.bucketOf(v)).isEqualTo(i);
            if (i > 0) {
                assertThat(h.lowestEquivalentValue(v - 1)).as("bucket %d follows bucket %d", i, i - 1)
                        .isEqualTo(Histograms.valueAt(i - 1));
            }
        }
        assertThat(Histograms.valueAt(Histograms.BUCKETS - 1)).isLessThanOrEqualTo(Histograms.MAX_MS);
        assertThat(Histograms.valueAt(Histograms.BUCKETS)).isGreaterThan(Histograms.MAX_MS);
    }

    @Test
    void decodingAgreesWithHdrHistogramsDecoderOverTheWholeRange() throws Exception {
        java.util.Random rnd = new java.util.Random(42);
        AbstractHistogram every = Histograms.create();
        for (long v = 0; v <= Histograms.MAX_MS; v += 1 + v / 300) {
            record(every, v); // every bucket non-empty
        }
        java.util.List<AbstractHistogram> cases = new java.util.ArrayList<>(java.util.List.of(every, Histograms.create()));
        for (int n = 0; n < 50; n++) {
            AbstractHistogram h = Histograms.create();
            int values = rnd.nextInt(2000);
            for (int k = 0; k < values; k++) {
                h.recordValueWithCount(Math.min(Histograms.MAX_MS, (long) Math.exp(rnd.nextDouble() * 15.1)), 1 + rnd.nextInt(n < 5 ? 1_000_000 : 3));
            }
            cases.add(h);
        }
        AbstractHistogram sum = Histograms.create();
        SparseCounts pending = new SparseCounts();
        for (AbstractHistogram h : cases) {
            String enc = Histograms.encode(h);
            byte[] raw = Base64.getDecoder().decode(enc);
            AbstractHistogram theirs = org.HdrHistogram.IntCountsHistogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(raw), 0);
            assertThat(decode(enc)).isEqualTo(theirs).isEqualTo(h);
            assertThat(decode(enc).getMaxValue()).isEqualTo(h.getMaxValue());
            assertThat(decode(enc).getMinNonZeroValue()).isEqualTo(h.getMinNonZeroValue());
            sum.add(h);
            pending.append(Histograms.decodeCounts(enc));
        }
        AbstractHistogram merged = Histograms.create();
        pending.addTo(merged);
        assertThat(merged).as("a window merged from its buckets equals HdrHistogram's add").isEqualTo(sum);
        assertThat(merged.getValueAtPercentile(99)).isEqualTo(sum.getValueAtPercentile(99));
    }

    /** A plain V2 histogram of create()'s shape with the given counts payload. */
    private static String withPayload(int... payload) {
        byte[] header = java.util.Arrays.copyOf(Base64.getDecoder().decode(plain(sample())), 40);
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length).put(header);
        for (int x : payload) {
            b.put((byte) x);
        }
        b.putInt(4, payload.length);
        return Base64.getEncoder().encodeToString(b.array());
    }

    @Test
    void damagedCountsAreADataFormatException() throws Exception {
        assertThat(decode(withPayload(0x02, 0x03, 0x04)).getTotalCount()).as("zigzag 1, -2, 2").isEqualTo(3);
        assertThat(decode(withPayload(0x02, 0x03, 0x04)).getCountAtValue(Histograms.valueAt(3))).isEqualTo(2);
        String[] bad = {
            withPayload(0x82), // a varint cut short
            withPayload(0xFF, 0x7F), // a run of 8,192 empty buckets, beyond the last
            withPayload(0xB7, 0x1F, 0x02), // 2,012 empty buckets (all of them), then a count beyond the last
            withPayload(0x80, 0x80, 0x80, 0x80, 0x10), // 2^31, a count above what an int bucket holds
        };
        assertThatThrownBy(() -> decode(bad[0])).hasMessageContaining("truncated");
        assertThatThrownBy(() -> decode(bad[1])).hasMessageContaining("beyond its last bucket");
        assertThatThrownBy(() -> decode(bad[2])).hasMessageContaining("beyond its last bucket");
        assertThatThrownBy(() -> decode(bad[3])).hasMessageContaining("out of range");
    }

    /** How the scan recorded a time-taken before it counted buckets itself (RouteAcc.count): clamped to the shape. */
    private static void record(AbstractHistogram h, long ms) {
        h.recordValue(Math.min(Math.max(ms, 0), Histograms.MAX_MS));
    }
}
