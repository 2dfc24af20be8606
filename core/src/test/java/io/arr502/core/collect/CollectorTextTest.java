package io.arr502.core.collect;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CollectorTextTest {
    private static final String JSON = "{\"message\":\"arr\u00eat\u00e9 pour maintenance\"}";

    @Test
    void plainUtf8HasNoNote() {
        CollectorText.Decoded d = CollectorText.decode(JSON.getBytes(StandardCharsets.UTF_8));
        assertThat(d.text()).isEqualTo(JSON);
        assertThat(d.note()).isNull();
    }

    @Test
    void utf8BomIsDroppedSilently() {
        byte[] body = JSON.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[body.length + 3];
        b[0] = (byte) 0xEF;
        b[1] = (byte) 0xBB;
        b[2] = (byte) 0xBF;
        System.arraycopy(body, 0, b, 3, body.length);
        assertThat(CollectorText.decode(b)).isEqualTo(new CollectorText.Decoded(JSON, null));
    }

    @Test
    void utf16WithoutBomIsFoundByItsNulBytes() {
        CollectorText.Decoded le = CollectorText.decode(JSON.getBytes(StandardCharsets.UTF_16LE));
        assertThat(le.text()).isEqualTo(JSON);
        assertThat(le.note()).isEqualTo("UTF-16LE without BOM; read as UTF-16LE");
        CollectorText.Decoded be = CollectorText.decode(JSON.getBytes(StandardCharsets.UTF_16BE));
        assertThat(be.text()).isEqualTo(JSON);
        assertThat(be.note()).isEqualTo("UTF-16BE without BOM; read as UTF-16BE");
    }

    @Test
    void utf16BeWithBom() {
        // String.getBytes(UTF_16) writes big-endian with a BOM
        CollectorText.Decoded d = CollectorText.decode(JSON.getBytes(StandardCharsets.UTF_16));
        assertThat(d.text()).isEqualTo(JSON);
        assertThat(d.note()).isEqualTo("UTF-16BE with BOM; read as UTF-16BE");
    }

    @Test
    void cp1252BytesAreReplacedAndCounted() {
        // "arrêté" from a French host's ANSI code page: ê = 0xEA, é = 0xE9, each an invalid UTF-8 sequence
        CollectorText.Decoded d = CollectorText.decode(JSON.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertThat(d.text()).isEqualTo("{\"message\":\"arr\uFFFDt\uFFFD pour maintenance\"}");
        assertThat(d.note()).isEqualTo("not valid UTF-8 (2 invalid byte sequences, first 0xEA at byte 15: written in a legacy code page?); "
                + "read with replacement characters");
    }
}
