package io.arr502.core.route;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RouteNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/orders/4711|/api/orders/{id}",
            "/api/orders/4711/lines/3|/api/orders/{id}/lines/{id}",
            "/api/customers/3f2504e0-4f89-11d3-9a0c-0305e82c3301|/api/customers/{guid}",
            "/api/customers/{3F2504E0-4F89-11D3-9A0C-0305E82C3301}/x|/api/customers/{guid}/x",
            "/blob/0123456789abcdef0123|/blob/{hex}",
            "/blob/deadbeefdeadbeefdead|/blob/deadbeefdeadbeefdead",
            "/api/v2/orders|/api/v2/orders",
            "/css/site.css|/css/site.css",
            "/|/",
            "-|/",
            "''|/",
            "/api/reports/12?x=1|/api/reports/{id}",
            "//double//slash|//double//slash",
            "/trailing/|/trailing/",
    })
    void collapsesIdsGuidsAndHex(String in, String expected) {
        assertThat(RouteNormalizer.normalize(in)).isEqualTo(expected);
    }
}
