package io.arr502.core.remediation;

import io.arr502.core.route.RouteNormalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule's pattern matches every path that normalises to its route (URL Rewrite matches the path
 * without the leading slash), escapes every metacharacter, and matches nothing the route does not stand
 * for. java.util.regex reads this ECMAScript subset ({@code \xHH}, classes, {@code {n,}}) the same way.
 */
class RoutePatternTest {
    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ.+()?$[]{^|*\\-_~%\"'&;=,!@ ").ofMinLength(1).ofMaxLength(8),
                Arbitraries.longs().between(0, 999_999_999).map(Object::toString),
                Arbitraries.of("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "{3F2504E0-4F89-11D3-9A0C-0305E82C3301}", "0123456789abcdef0123"));
        return segment.list().ofMinSize(1).ofMaxSize(5).map(l -> "/" + String.join("/", l))
                .filter(p -> !p.contains("?") && !p.contains("//"));
    }

    @Property(tries = 1000)
    void theRoutesPatternMatchesEveryPathOfTheRoute(@ForAll("paths") String path) {
        String route = RouteNormalizer.normalize(path);
        String pattern = RoutePattern.of(route);
        assertThat(Pattern.compile(pattern, Pattern.CASE_INSENSITIVE).matcher(path.substring(1)).matches()).as("%s ~ %s", path, pattern).isTrue();
        assertThat(pattern).doesNotContain("%", "\"", "'", "&", "|", ";", " ", "!");
    }

    @Example
    void metacharactersAreLiteralAndPlaceholdersStandForTheirValues() {
        assertThat(RoutePattern.of("/api/reports/{id}")).isEqualTo("^api/reports/[0-9]+$");
        Pattern p = Pattern.compile(RoutePattern.of("/a+b(c)?$[d].e/{guid}"));
        assertThat(p.matcher("a+b(c)?$[d].e/{3F2504E0-4F89-11D3-9A0C-0305E82C3301}").matches()).isTrue();
        assertThat(p.matcher("a+b(c)?$[d].e/3f2504e0-4f89-11d3-9a0c-0305e82c3301").matches()).isTrue();
        assertThat(p.matcher("aab(c)?$[d].e/3f2504e0-4f89-11d3-9a0c-0305e82c3301").matches()).isFalse();
        assertThat(p.matcher("aaab/x").matches()).isFalse();
        assertThat(Pattern.compile(RoutePattern.of("/api/reports/{id}")).matcher("api/reports/12/x").matches()).isFalse();
    }
}
