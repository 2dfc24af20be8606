package io.arr502.core.remediation;

import io.arr502.core.collect.CommandResult;
import io.arr502.core.config.ArrConfig;
import io.arr502.core.config.ConfigReader;
import io.arr502.core.config.RewriteRule;
import io.arr502.core.config.WebFarm;
import io.arr502.core.config.XmlNode;
import io.arr502.core.verify.VerificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executor against the appcmd stand-in keeping a real applicationHost.config (AppcmdStandIn):
 * the config is compared as XML before and after, for success, every failing step, failed and
 * evidence-less verification, and a re-run.
 */
class RemediationExecutorTest {
    @TempDir
    Path tmp;

    static final Duration BUDGET = Duration.ofSeconds(30);
    static final RemediationExecutor.Verification PASS = live -> new VerificationResult(true, null, 3, List.of("t ok"));
    static final RemediationExecutor.Verification FAIL = live -> new VerificationResult(false, "502.3 rate 9.00 % above 1.00 %", 3, List.of("t bad"));
    static final RemediationExecutor.Verification NO_DATA = live -> VerificationResult.unknown("no evidence: 0 request(s) in the window", 3, List.of());

    private Journal journal(List<String> sink) throws Exception {
        return Journal.open(tmp.resolve("journal.log"), sink::add, Plans.CLOCK);
    }

    private static int changes(RemediationPlan p) {
        return (int) p.fix().stream().filter(s -> !s.argv().isEmpty() && s.argv().get(0).equals("set")).count();
    }

    @Test
    void appliesWithRealProcessesKeepsTheFixWhenVerifiedAndJournalsEveryStep() throws Exception {
        StandIn appcmd = new StandIn(tmp.resolve("srv"), StandIn.FIXTURE);
        RemediationPlan plan = Plans.dedicated(appcmd.config);
        List<String> out = new ArrayList<>();
        RemediationExecutor.Outcome o;
        try (Journal j = journal(out)) {
            // verification judges routes against the configuration read from the server after the change
            o = RemediationExecutor.apply(plan, new AppcmdProcess(appcmd.script()), BUDGET, live -> {
                assertThat(io.arr502.core.config.RouteResolver.resolve(live, "/api/reports/{id}").effectiveTimeout()).isEqualTo(Duration.ofMinutes(2));
                return PASS.verify(live);
            }, j);
        }
        assertThat(o.result()).as(String.join("\n", o.log())).isEqualTo(RemediationExecutor.Result.APPLIED);
        assertThat(o.backup()).isEqualTo("arr502-20261124T150000");
        assertThat(appcmd.dir.resolve("backup/arr502-20261124T150000/applicationHost.config")).exists();
        ArrConfig after = ConfigReader.read(appcmd.config);
        RewriteRule first = after.rules().get(0);
        assertThat(first.name()).isEqualTo("ARR_report_api_reports");
        assertThat(first.enabled()).isTrue();
        assertThat(first.matchUrl()).isEqualTo("^api/reports/[0-9]+$");
        assertThat(first.actionUrl()).isEqualTo("https://appFarm-report/{R:0}");
        assertThat(io.arr502.core.config.RouteResolver.resolve(after, "/api/reports/{id}").farm()).isEqualTo("appFarm-report");
        assertThat(io.arr502.core.config.RouteResolver.resolve(after, "/api/orders/{id}").farm()).isEqualTo("appFarm");
        // the journal file holds what ran, line by line, and where the backup is
        String journal = Files.readString(tmp.resolve("journal.log"));
        assertThat(journal).contains("pre-flight ok: no farm named appFarm-report exists", "backup: arr502-20261124T150000",
                "outcome: APPLIED");
        assertThat(out).contains("run: " + plan.fix().get(1).cmd());
    }

    @Test
    void theCloneKeepsEveryAttributeOfTheSourceFarmButTheTimeout() throws Exception {
        StandIn appcmd = new StandIn(tmp.resolve("srv"), StandIn.FIXTURE);
        RemediationPlan plan = Plans.dedicated(appcmd.config);
        try (Journal j = journal(new ArrayList<>())) {
            assertThat(RemediationExecutor.apply(plan, appcmd.inProcess(), BUDGET, PASS, j).applied()).isTrue();
        }
        ArrConfig after = ConfigReader.read(appcmd.config);
        WebFarm src = after.farms().stream().filter(f -> f.name().equals("appFarm")).findFirst().orElseThrow();
        WebFarm clone = after.farms().stream().filter(f -> f.name().equals("appFarm-report")).findFirst().orElseThrow();
        assertThat(clone.servers()).isEqualTo(src.servers()); // ports 8080/8443, weights 70/30, app03 disabled
        assertThat(clone.healthCheck()).isEqualTo(src.healthCheck());
        assertThat(clone.loadBalancingAlgorithm()).isEqualTo("LeastRequests");
        assertThat(clone.protocol().timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(clone.protocol().keepAlive()).isFalse();
        assertThat(clone.protocol().responseBufferLimitKb()).isZero();
        // as XML: the same elements and attributes, but name and timeout
        XmlNode s = after.xml().farm("appFarm");
        XmlNode c = after.xml().farm("appFarm-report");
        assertThat(c.children()).hasSameSizeAs(s.children());
        for (XmlNode part : s.children()) { // IIS does not order servers against the farm's settings
            XmlNode copy = c.children().stream().filter(x -> x.name().equals(part.name()) && java.util.Objects.equals(x.key(), part.key()))
                    .findFirst().orElseThrow();
            assertThat(ConfigDigest.canonical(inFarm(copy)).replace(" timeout=\"00:02:00\"", "")).isEqualTo(ConfigDigest.canonical(inFarm(part)));
        }
        assertThat(c.attributes()).isEqualTo(java.util.Map.of("name", "appFarm-report"));
        // the new rule carries the original's conditions and action options
        XmlNode rule = after.xml().globalRules().get(0);
        XmlNode orig = after.xml().globalRule("ARR_appFarm_loadbalance");
        assertThat(ConfigDigest.canonical(new XmlNode("rule", java.util.Map.of(), List.of(rule.child("conditions")))))
                .isEqualTo(ConfigDigest.canonical(new XmlNode("rule", java.util.Map.of(), List.of(orig.child("conditions")))))
                .contains("{HTTPS}", "{HTTP_HOST}");
        assertThat(rule.child("action").attr("logRewrittenUrl")).isEqualTo("true");
    }

    private static XmlNode inFarm(XmlNode part) {
        return new XmlNode("webFarm", java.util.Map.of(), List.of(part));
    }

    @Test
    void aReRunOverAnAppliedFixRefusesAndLeavesTheConfigByteIdentical() throws Exception {
        StandIn appcmd = new StandIn(tmp.resolve("srv"), StandIn.FIXTURE);
        RemediationPlan plan = Plans.dedicated(appcmd.config);
        try (Journal j = journal(new ArrayList<>())) {
            assertThat(RemediationExecutor.apply(plan, appcmd.inProcess(), BUDGET, PASS, j).applied()).isTrue();
        }
        byte[] applied = appcmd.bytes();
        int calls = appcmd.calls().size();
        RemediationExecutor.Outcome again;
        try (Journal j = journal(new ArrayList<>())) {
            again = RemediationExecutor.apply(plan, new AppcmdProcess(appcmd.script()), BUDGET, PASS, j);
        }
        assertThat(again.result()).isEqualTo(RemediationExecutor.Result.REFUSED);
        assertThat(again.reason()).contains("farm appFarm-report already exists");
        assertThat(appcmd.bytes()).isEqualTo(applied);
        assertThat(appcmd.calls().subList(calls, appcmd.calls().size())).allMatch(c -> c.startsWith("list config"));
    }

    @Test
    void aFailureAtEveryStepLeavesTheOriginalConfigAndUndoesOnlyWhatRan() throws Exception {
        RemediationPlan plan = Plans.dedicated(StandIn.FIXTURE);
        int n = changes(plan);
        assertThat(n).isEqualTo(6); // farm, 3 servers, rule (disabled), enable
        for (int k = 1; k <= n; k++) {
            StandIn appcmd = new StandIn(tmp.resolve("k" + k), StandIn.FIXTURE);
            String original = appcmd.canonical();
            appcmd.failAt(k);
            RemediationExecutor.Outcome o;
            try (Journal j = Journal.open(null, s -> { }, Plans.CLOCK)) {
                o = RemediationExecutor.apply(plan, appcmd.inProcess(), BUDGET, PASS, j);
            }
            assertThat(o.result()).as("failure at change %d: %s", k, o.log()).isEqualTo(RemediationExecutor.Result.ROLLED_BACK);
            assertThat(appcmd.canonical()).as("failure at change %d", k).isEqualTo(original);
            List<String> undo = appcmd.calls().stream().filter(c -> c.startsWith("set config")).skip(k).toList();
            // k-1 changes ran: the farm's removal covers its servers; the rule's removal follows its disabling
            List<String> expected = new ArrayList<>();
            if (k >= 6) {
                expected.add("remove rule");
            }
            if (k >= 2) {
                expected.add("remove farm");
            }
            assertThat(undo).as("undo after failure at %d", k).hasSize(expected.size());
        }
    }

    @Test
    void afterEveryCommandNoEnabledRuleLacksMatchOrActionOrPointsAtAMissingFarm() throws Exception {
        RemediationPlan plan = Plans.dedicated(StandIn.FIXTURE);
        for (int k = 0; k <= changes(plan); k++) {
            StandIn appcmd = new StandIn(tmp.resolve("s" + k), StandIn.FIXTURE);
            if (k > 0) {
                appcmd.failAt(k);
            }
            StepRunner inner = appcmd.inProcess();
            List<String> states = new ArrayList<>();
            StepRunner checking = (args, budget) -> {
                CommandResult r = inner.run(args, budget);
                try {
                    states.add(String.join(" ", args));
                    assertSafe(ConfigReader.read(appcmd.config), String.join(" ", args));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return r;
            };
            try (Journal j = Journal.open(null, s -> { }, Plans.CLOCK)) {
                RemediationExecutor.apply(plan, checking, BUDGET, k == 0 ? FAIL : PASS, j);
            }
            assertThat(states).isNotEmpty();
        }
    }

    private static void assertSafe(ArrConfig c, String after) {
        for (RewriteRule r : c.rules()) {
            if (!r.enabled()) {
                continue;
            }
            assertThat(r.matchUrl()).as("enabled rule %s without match after: %s", r.name(), after).isNotNull();
            assertThat(r.actionType()).as("enabled rule %s without action after: %s", r.name(), after).isNotEqualTo("None");
            if (r.actionUrl() != null && r.actionUrl().contains("appFarm")) {
                String host = r.actionUrl().replaceFirst("^https?://", "").replaceFirst("/.*", "");
                assertThat(c.farms().stream().filter(f -> f.name().equalsIgnoreCase(host)).findFirst())
                        .as("rule %s routes to %s after: %s", r.name(), host, after)
                        .hasValueSatisfying(f -> assertThat(f.servers()).isNotEmpty());
            }
        }
    }

    @Test
    void aFailedOrEvidenceLessVerificationRestoresTheOriginalExactly() throws Exception {
        for (RemediationExecutor.Verification v : List.of(FAIL, NO_DATA)) {
            StandIn appcmd = new StandIn(Files.createTempDirectory(tmp, "v"), StandIn.FIXTURE);
            String original = appcmd.canonical();
            RemediationExecutor.Outcome o;
            try (Journal j = journal(new ArrayList<>())) {
                o = RemediationExecutor.apply(Plans.dedicated(appcmd.config), appcmd.inProcess(), BUDGET, v, j);
            }
            assertThat(o.result()).isEqualTo(RemediationExecutor.Result.ROLLED_BACK);
            assertThat(o.reason()).containsAnyOf("verification failed: 502.3 rate", "no evidence to verify");
            assertThat(appcmd.canonical()).isEqualTo(original);
        }
    }

    @Test
    void aFailingUndoRestoresTheBackupAsTheLastResort() throws Exception {
        StandIn appcmd = new StandIn(tmp.resolve("srv"), StandIn.FIXTURE);
        byte[] original = appcmd.bytes();
        RemediationPlan plan = Plans.dedicated(appcmd.config);
        appcmd.failAt(changes(plan) + 1); // the first undo (disabling the rule) fails
        RemediationExecutor.Outcome o;
        try (Journal j = journal(new ArrayList<>())) {
            o = RemediationExecutor.apply(plan, appcmd.inProcess(), BUDGET, FAIL, j);
        }
        assertThat(o.result()).isEqualTo(RemediationExecutor.Result.RESTORED_FROM_BACKUP);
        assertThat(appcmd.bytes()).isEqualTo(original);
        assertThat(appcmd.calls()).last().isEqualTo("restore backup arr502-20261124T150000");
        assertThat(Files.readString(tmp.resolve("journal.log"))).contains("last resort: restore the backup");
    }

    @Test
    void refusesWhenTheLiveConfigChangedSinceTheDiagnosis() throws Exception {
        StandIn appcmd = new StandIn(tmp.resolve("srv"), StandIn.FIXTURE);
        RemediationPlan plan = Plans.dedicated(appcmd.config);
        // someone moved app02 to another port after the diagnosis
        assertThat(AppcmdStandIn.run(appcmd.config, List.of("set", "config", "-section:webFarms",
                "/[name='appFarm'].[address='app02.contoso.local'].applicationRequestRouting.httpsPort:9443", "/commit:apphost"),
                System.out)).isZero();
        byte[] before = appcmd.bytes();
        RemediationExecutor.Outcome o;
        try (Journal j = journal(new ArrayList<>())) {
            o = RemediationExecutor.apply(plan, appcmd.inProcess(), BUDGET, PASS, j);
        }
        assertThat(o.result()).isEqualTo(RemediationExecutor.Result.REFUSED);
        assertThat(o.reason()).contains("farm appFarm changed since the diagnosis");
        assertThat(appcmd.bytes()).isEqualTo(before);
    }

    @Test
    void refusesPlansWithoutConfigurationOrWithStepsForAnotherHost() throws Exception {
        io.arr502.core.evidence.Evidence noConfig = new io.arr502.core.evidence.Evidence(null, null, null, List.of(), null, List.of());
        RemediationPlan blind = RemediationPlanner.plan(Plans.reportsNeedMoreTime("/api/reports/{id}"), noConfig, Plans.CLOCK).get(0);
        assertThat(blind.fix()).allMatch(s -> s.argv().isEmpty());
        assertThat(blind.lines()).noneMatch(l -> l.contains("<server>") || l.contains("<farm>"));
        assertThat(RemediationExecutor.refusal(blind)).contains("no configuration was given");

        RemediationPlan backend = new RemediationPlan(io.arr502.core.diagnosis.Cause.BACKEND_STALL, "t",
                List.of(RemediationPlanner.backupStep("b"), RemediationStep.manual("recycle the pool", "the backend", "recycle it")), List.of(), List.of(),
                "b", List.of(new Precondition(Precondition.Kind.FARM_ABSENT, "x", null)), null);
        assertThat(RemediationExecutor.refusal(backend)).contains("runs on the backend");
    }

    @Test
    void aStepPastItsBudgetIsKilledAndRolledBack() throws Exception {
        StandIn appcmd = new StandIn(tmp.resolve("srv"), StandIn.FIXTURE);
        String original = appcmd.canonical();
        StepRunner inner = appcmd.inProcess();
        StepRunner slowRule = (args, budget) -> args.toString().contains("rewrite/globalRules") && args.toString().contains("/+")
                ? new CommandResult(args, -1, "", "", budget.toMillis(), true, false, null) : inner.run(args, budget);
        RemediationExecutor.Outcome o;
        try (Journal j = journal(new ArrayList<>())) {
            o = RemediationExecutor.apply(Plans.dedicated(appcmd.config), slowRule, Duration.ofSeconds(2), PASS, j);
        }
        assertThat(o.result()).isEqualTo(RemediationExecutor.Result.ROLLED_BACK);
        assertThat(o.reason()).contains("timed out");
        assertThat(appcmd.canonical()).isEqualTo(original);
    }
}
