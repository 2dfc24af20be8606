package io.arr502.jenkinslint;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every view of the plugin compiles as Jenkins compiles it; and the check itself catches what broke in a real Jenkins. */
class JellyViewsTest {

    static Set<String> viewKeys(Path jelly) throws IOException {
        Path props = jelly.resolveSibling(jelly.getFileName().toString().replace(".jelly", ".properties"));
        if (!Files.exists(props)) {
            return Set.of();
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(props)));
        return p.stringPropertyNames();
    }

    @Test
    void everyViewOfThePluginCompiles() throws Exception {
        List<Path> views = PluginTree.files(PluginTree.RESOURCES, ".jelly");
        assertThat(views).hasSizeGreaterThanOrEqualTo(9);
        List<String> problems = new ArrayList<>();
        for (Path v : views) {
            String name = PluginTree.RESOURCES.relativize(v).toString();
            problems.addAll(JellyLint.check(name, Files.readString(v), viewKeys(v)));
            problems.addAll(CspLint.check(name, Files.readString(v), PluginTree.RESOURCES));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void inlineScriptStyleHandlersAndMissingAdjunctsAreRefused() throws Exception {
        String view = """
                <j:jelly xmlns:j="jelly:core" xmlns:st="jelly:stapler">
                  <script>alert(1)</script>
                  <script src="ok.js"/>
                  <style>p { color: red }</style>
                  <button onclick="go()" style="color: red">x</button>
                  <st:adjunct includes="io.jenkins.plugins.echarts, io.jenkins.plugins.arr502.trend, io.jenkins.plugins.arr502.nothing"/>
                </j:jelly>
                """;
        assertThat(CspLint.check("v", view, PluginTree.RESOURCES)).containsExactly("v: inline <script>", "v: inline <style>",
                "v: inline onclick=\"…\" on <button>", "v: inline style=\"…\" on <button>",
                "v: adjunct io.jenkins.plugins.arr502.nothing has no io/jenkins/plugins/arr502/nothing.js");
    }

    private static String entry(String title) {
        return """
                <?jelly escape-by-default='true'?>
                <j:jelly xmlns:j="jelly:core" xmlns:f="/lib/form">
                  <f:entry title="%s" field="x"><f:textbox/></f:entry>
                </j:jelly>
                """.formatted(title);
    }

    /** The four titles that made job pages answer HTTP 500 and cut forms off in Jenkins 2.555.3. */
    @Test
    void theTitlesThatBrokeJenkinsAreRefused() {
        assertThat(JellyLint.check("a", entry("${%Collect with check-scripts (Windows agents)}"), Set.of()))
                .anySatisfy(p -> assertThat(p).contains("not a JEXL 1.x expression", "agents"))
                .anySatisfy(p -> assertThat(p).contains("parentheses in its localization key"));
        assertThat(JellyLint.check("b", entry("${%Interval (minutes)}"), Set.of())).singleElement().asString()
                .contains("parentheses in its localization key", "key 'Interval '");
        assertThat(JellyLint.check("c", entry("${%Highest 502.3 rate (%)}"), Set.of())).isNotEmpty();
        assertThat(JellyLint.check("d", entry("${%502.3 rate (%) and worst-route p99 (ms)}"), Set.of())).isNotEmpty();
        assertThat(JellyLint.check("e", entry("${%Interval in minutes}"), Set.of())).isEmpty();
    }

    @Test
    void argumentsAreFineWhenTheViewDefinesTheKey() {
        assertThat(JellyLint.check("f", entry("${%summary(it.count)}"), Set.of("summary"))).isEmpty();
        assertThat(JellyLint.check("g", entry("${%summary(it.count}"), Set.of("summary"))).singleElement().asString()
                .contains("missing ')'");
    }

    @Test
    void badExpressionsAndBadXmlAreRefused() {
        assertThat(JellyLint.check("h", entry("${it.a b}"), Set.of())).singleElement().asString().contains("not a JEXL 1.x expression");
        assertThat(JellyLint.check("i", entry("${it.verdict.state()}"), Set.of())).isEmpty();
        assertThat(JellyLint.check("j", "<?jelly escape-by-default='true'?>\n<j:jelly xmlns:j=\"jelly:core\"><p></j:jelly>", Set.of()))
                .singleElement().asString().contains("does not parse");
        assertThat(JellyLint.check("k", "<j:jelly xmlns:j=\"jelly:core\"/>", Set.of())).singleElement().asString()
                .contains("escape-by-default");
        assertThat(JellyLint.check("l", entry("${'%Bad (key)' + it.x}"), Set.of())).singleElement().asString()
                .contains("parentheses in its localization key");
    }
}
