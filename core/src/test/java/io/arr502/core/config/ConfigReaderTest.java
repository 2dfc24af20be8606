package io.arr502.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigReaderTest {
    static final Path RES = Path.of("src/test/resources/config");
    static final Path SAMPLE = Path.of("../samples/incident/config/applicationHost.config");

    @TempDir
    Path tmp;

    @Test
    void sampleResolvesReportsToTheFarmDefaultTimeout() throws Exception {
        ArrConfig c = ConfigReader.read(SAMPLE);
        assertThat(c.proxy().enabled()).isTrue();
        assertThat(c.proxy().timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.proxy().timeoutExplicit()).isFalse();
        assertThat(c.farms()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("appFarm");
            assertThat(f.servers()).extracting(WebFarm.FarmServer::address).containsExactly("app01.contoso.local", "app02.contoso.local");
            assertThat(f.protocol().timeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(f.protocol().timeoutExplicit()).isFalse();
            assertThat(f.healthCheck().interval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(f.loadBalancingAlgorithm()).isEqualTo("LeastRequests");
        });
        RouteTarget t = RouteResolver.resolve(c, "/api/reports/{id}");
        assertThat(t.rule()).isEqualTo("ARR_appFarm_loadbalance");
        assertThat(t.farm()).isEqualTo("appFarm");
        assertThat(t.effectiveTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.timeoutSource()).contains("webFarm[appFarm]", "schema default");
        assertThat(c.findings()).extracting(ConfigFinding::code).contains("FARM_TIMEOUT_DEFAULT");
        assertThat(c.rules()).extracting(RewriteRule::scope).containsExactly("global", "Default Web Site");
    }

    @Test
    void appcmdXmlWithConfigStarGivesEffectiveValues() throws Exception {
        ArrConfig c = ConfigReader.read(RES.resolve("appcmd-proxy-config-star.xml"));
        assertThat(c.proxy().timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.proxy().timeoutExplicit()).isTrue();
        assertThat(c.proxy().enabled()).isTrue();
    }

    @Test
    void plainAppcmdOutputAndFolderOfSectionsCombine() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("appcmd"));
        Files.copy(RES.resolve("appcmd-proxy-plain.txt.xml"), dir.resolve("proxy.xml"));
        Files.copy(RES.resolve("appcmd-webfarms.xml"), dir.resolve("webfarms.xml"));
        ArrConfig c = ConfigReader.read(dir);
        assertThat(c.proxy().enabled()).isTrue();
        assertThat(c.proxy().timeoutExplicit()).isFalse();
        assertThat(c.farms()).singleElement().satisfies(f -> {
            assertThat(f.protocol().timeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(f.servers().get(0).httpPort()).isEqualTo(8080);
        });
        assertThat(c.findings()).extracting(ConfigFinding::code).containsExactly("FARM_NO_ENABLED_SERVER");
    }

    @Test
    void sectionsFromCollectorsParseLikeFiles() throws Exception {
        ArrConfig c = ConfigReader.fromSections(Map.of(
                "system.webServer/proxy", Files.readString(RES.resolve("appcmd-proxy-config-star.xml")),
                "webFarms", Files.readString(RES.resolve("appcmd-webfarms.xml"))));
        assertThat(c.proxy().timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.farms()).extracting(WebFarm::name).containsExactly("reportFarm");
    }

    @Test
    void clearRemoveLocationAndNegatedRulesFollowIisSemantics() throws Exception {
        ArrConfig c = ConfigReader.read(RES.resolve("collections.config"));
        assertThat(c.farms()).extracting(WebFarm::name).containsExactly("appFarm", "emptyFarm");
        assertThat(c.farms().get(0).servers()).extracting(WebFarm.FarmServer::address).containsExactly("app01", "app02");
        assertThat(c.rules()).extracting(RewriteRule::name).containsExactly("api-direct", "not-static");
        assertThat(c.findings()).extracting(ConfigFinding::code)
                .contains("PROXY_DISABLED", "FARM_EMPTY", "HEALTHCHECK_TIMEOUT", "PROXY_SITE_OVERRIDE");

        RouteTarget direct = RouteResolver.resolve(c, "/api/direct/{id}");
        assertThat(direct.farm()).isNull();
        assertThat(direct.effectiveTimeout()).as("plain URL: the proxy timeout").isEqualTo(Duration.ofSeconds(90));
        RouteTarget farm = RouteResolver.resolve(c, "/api/orders/{id}");
        assertThat(farm.farm()).isEqualTo("appFarm");
        assertThat(farm.effectiveTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(farm.timeoutSource()).contains("(set)");
        RouteTarget statik = RouteResolver.resolve(c, "/static/site.css");
        assertThat(statik.effectiveTimeout()).as("negated pattern does not match static/").isNull();
    }

    @Test
    void hostileAndBrokenXmlIsAOneLineReason() {
        assertThatThrownBy(() -> ConfigReader.read(RES.resolve("billion-laughs.config")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DOCTYPE").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> ConfigReader.read(RES.resolve("xxe.config")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> ConfigReader.read(RES.resolve("truncated.config")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("truncated.config").hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> ConfigReader.read(tmp.resolve("missing.config")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read");
    }

    @Test
    void badTimeSpanIsNamed() throws Exception {
        Path f = tmp.resolve("bad.config");
        Files.writeString(f, "<configuration><system.webServer><proxy enabled='true' timeout='two minutes'/></system.webServer></configuration>");
        assertThatThrownBy(() -> ConfigReader.read(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("system.webServer/proxy@timeout is not a time span");
        Files.writeString(f, "<configuration><system.webServer><proxy enabled='true' timeout='1.02:03:04.5'/></system.webServer></configuration>");
        assertThat(ConfigReader.read(f).proxy().timeout()).isEqualTo(Duration.ofHours(26).plusMinutes(3).plusSeconds(4).plusMillis(500));
    }
}
