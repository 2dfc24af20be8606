package io.arr502.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.arr502.core.route.RouteNormalizer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteRouteTest {
    private static final String[] PARTS = {"api", "orders", "4711", "", "x", "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        "{3F2504E0-4F89-11D3-9A0C-0305E82C3301}", "deadbeefdeadbeef1", "abcdefabcdefabcdef", "a+b", "ü", "?q=1", "-", "0", "%20"};

    @Test
    void bytePathGivesExactlyWhatRouteNormalizerGives() {
        SplittableRandom r = new SplittableRandom(42);
        ByteRoute br = new ByteRoute();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(6);
            if (r.nextInt(5) > 0) {
                sb.append('/');
            }
            for (int k = 0; k < n; k++) {
                sb.append(PARTS[r.nextInt(PARTS.length)]);
                if (r.nextBoolean()) {
                    sb.append('/');
                }
            }
            String path = sb.toString();
            byte[] b = path.getBytes(StandardCharsets.UTF_8);
            br.normalize(b, 0, b.length);
            assertThat(new String(br.out, 0, br.len, StandardCharsets.UTF_8)).as(path).isEqualTo(RouteNormalizer.normalize(path));
        }
    }
}
