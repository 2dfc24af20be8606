package io.arr502.core.remediation;

import io.arr502.core.config.ConfigReader;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.Diagnosis;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.evidence.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RemediationPlannerTest {
    @TempDir
    Path tmp;

    @Test
    void aRouteProxiedToAPlainUrlGetsTheProxyTimeoutWithoutIisreset() throws Exception {
        Path cfg = tmp.resolve("applicationHost.config");
        Files.writeString(cfg, Files.readString(StandIn.FIXTURE).replace("https://appFarm/{R:0}", "http://backend.contoso.local:8080/{R:0}"));
        Evidence ev = new Evidence(null, null, ConfigReader.read(cfg), List.of(), null, List.of());
        List<RemediationPlan> plans = RemediationPlanner.plan(Plans.reportsNeedMoreTime("/api/reports/{id}"), ev, Plans.CLOCK);
        assertThat(plans.get(0).refusal()).contains("forwards /api/reports/{id} to a farm");
        RemediationPlan proxy = plans.get(1);
        assertThat(proxy.title()).isEqualTo("alternative: raise the server-wide proxy timeout to 00:02:00");
        assertThat(proxy.fix()).extracting(RemediationStep::argv).containsExactly(
                List.of("add", "backup", "arr502-20261124T150000"),
                List.of("set", "config", "-section:system.webServer/proxy", "/timeout:00:02:00", "/commit:apphost"));
        assertThat(proxy.rollback()).extracting(RemediationStep::argv).containsExactly(
                List.of("set", "config", "-section:system.webServer/proxy", "/timeout:00:02:00", "/commit:apphost"));
        assertThat(proxy.lines()).noneMatch(l -> l.contains("iisreset"));
        assertThat(RemediationExecutor.refusal(proxy)).isNull();
    }

    @Test
    void aStallOnTheBackendIsAManualStepThereNeverACommandHere() {
        Diagnosis d = new Diagnosis(List.of(new Finding(Cause.BACKEND_STALL, 0.7, "stall", List.of())), List.of(), null);
        RemediationPlan p = RemediationPlanner.plan(d, new Evidence(null, null, null, List.of(), null, List.of()), Plans.CLOCK).get(0);
        assertThat(p.fix()).allMatch(s -> s.argv().isEmpty());
        assertThat(p.fix()).anySatisfy(s -> assertThat(s.runsOn()).isEqualTo("the backend"));
        assertThat(p.lines()).noneMatch(l -> l.contains("<") && l.contains(">"));
        assertThat(RemediationExecutor.refusal(p)).isNotNull();
    }

    @Test
    void noPlanForTheOtherRoutesBucket() throws Exception {
        Evidence ev = new Evidence(null, null, ConfigReader.read(StandIn.FIXTURE), List.of(), null, List.of());
        assertThat(RemediationPlanner.plan(Plans.reportsNeedMoreTime("(other routes)"), ev, Plans.CLOCK)).isEmpty();
    }

    @Test
    void aSiteRuleOrAnEnabledRuleAheadMeansNoAutomaticPlan() throws Exception {
        Path cfg = tmp.resolve("applicationHost.config");
        Files.writeString(cfg, Files.readString(StandIn.FIXTURE).replace("<clear />",
                "<clear />\n<rule name=\"block-bots\" stopProcessing=\"true\"><match url=\"^robots\" /><action type=\"AbortRequest\" /></rule>"));
        Evidence ev = new Evidence(null, null, ConfigReader.read(cfg), List.of(), null, List.of());
        RemediationPlan p = RemediationPlanner.plan(Plans.reportsNeedMoreTime("/api/reports/{id}"), ev, Plans.CLOCK).get(0);
        assertThat(p.refusal()).contains("global rule block-bots runs before ARR_appFarm_loadbalance");
    }

    @Test
    void aRuleOfAnApplicationIsNeverCopiedIntoAGlobalRule() throws Exception {
        // config/app-scope: /api's own rule forwards /api/orders/{id}; a disabled global rule happens to share its name
        Path cfg = tmp.resolve("applicationHost.config");
        Files.writeString(cfg, Files.readString(Path.of("src/test/resources/config/app-scope/applicationHost.config")).replace("<proxy enabled=\"true\" />",
                "<proxy enabled=\"true\" />\n<rewrite><globalRules><rule name=\"api-orders\" enabled=\"false\"><match url=\"^api/orders/(.*)\" />"
                        + "<action type=\"Rewrite\" url=\"http://shopFarm/{R:0}\" /></rule></globalRules></rewrite>"));
        Evidence ev = new Evidence(null, null, ConfigReader.read(cfg), List.of(), null, List.of());
        List<RemediationPlan> plans = RemediationPlanner.plan(Plans.reportsNeedMoreTime("/api/orders/{id}"), ev, Plans.CLOCK);
        RemediationPlan dedicated = plans.get(0);
        assertThat(dedicated.refusal()).contains("rule api-orders that forwards the route is a rule of Default Web Site/api: it sees the path relative to /api");
        assertThat(dedicated.fix()).allSatisfy(s -> assertThat(s.argv()).isEmpty());
        // the farm the application's rule forwards to is still right for a farm-wide alternative
        assertThat(plans.get(1).title()).startsWith("alternative: raise farm apiFarm's timeout");
    }

    @Test
    void aRuleThatBuildsItsUrlFromAGroupIsNotCopiedWithTheRoutesPattern() throws Exception {
        Path cfg = tmp.resolve("applicationHost.config");
        Files.writeString(cfg, Files.readString(StandIn.FIXTURE).replace("<match url=\".*\" />", "<match url=\"^(.*)\" />")
                .replace("https://appFarm/{R:0}", "https://appFarm/{R:1}"));
        RemediationPlan p = Plans.dedicated(cfg);
        assertThat(p.refusal()).contains("builds its URL from a group of its own pattern (https://appFarm/{R:1})");
        assertThat(p.fix()).allSatisfy(s -> assertThat(s.argv()).isEmpty());
    }
}
