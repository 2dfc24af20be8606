package io.arr502.core.diagnosis;

import io.arr502.core.evidence.Evidence;
import io.arr502.core.remediation.RemediationPlan;
import io.arr502.core.remediation.RemediationPlanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.List;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Other 502 substatuses explained; without FREB, the commands that switch a 502 trace rule on; time-taken's caveat. */
class SubstatusAndTracingTest {
    @TempDir
    Path dir;

    @Test
    void otherSubstatusesAreExplainedFromTheDocumentedList() throws Exception {
        Diagnosis d = Diagnoser.diagnose(new Scenario().lines(200, "/a", 200, 0, 0, 20).lines(12, "/chat", 502, 5, 0, 3)
                .lines(4, "/b", 502, 7, 0, 3).evidence(dir), DiagnosisOptions.defaults());
        assertThat(d.findings()).extracting(Finding::headline).contains(
                "12 × 502.5: ARR 3.0.1916+: WebSocket failure; ASP.NET Core Module: the app process failed to start; "
                        + "4 × 502.7: ARR 3.0.1916+: execute request failure");
        assertThat(d.top().cause()).isEqualTo(Cause.OTHER_502);
    }

    @Test
    void withoutFrebTheLastPlanSwitchesOnA502TraceRuleWithRequestRouting() throws Exception {
        Evidence ev = new Scenario().lines(300, "/a", 200, 0, 0, 30).lines(60, "/api/reports/9", 502, 3, 12002, 29_950).evidence(dir);
        Diagnosis d = Diagnoser.diagnose(ev, DiagnosisOptions.defaults());
        assertThat(d.top().evidence()).contains("time-taken includes sending the response to the client (KB 944884); FREB's ARR phase times do not");
        List<RemediationPlan> plans = RemediationPlanner.plan(d, ev);
        assertThat(plans.get(0).cause()).isEqualTo(Cause.ARR_TIMEOUT_TOO_LOW); // the fixes keep their numbers
        RemediationPlan trace = plans.get(plans.size() - 1);
        assertThat(trace.title()).startsWith("trace 502s (FREB is absent)");
        assertThat(trace.fix()).extracting(s -> s.display()).containsExactly(
                "%windir%\\system32\\inetsrv\\appcmd.exe set config -section:system.applicationHost/sites \"/[name='Default Web Site'].traceFailedRequestsLogging.enabled:true\" /commit:apphost",
                "%windir%\\system32\\inetsrv\\appcmd.exe set config \"Default Web Site\" -section:system.webServer/tracing/traceFailedRequests \"/+[path='*']\" /commit:apphost",
                "%windir%\\system32\\inetsrv\\appcmd.exe set config \"Default Web Site\" -section:system.webServer/tracing/traceFailedRequests "
                        + "\"/+[path='*'].traceAreas.[provider='WWW Server',areas='Rewrite,RequestRouting',verbosity='Verbose']\" /commit:apphost",
                "%windir%\\system32\\inetsrv\\appcmd.exe set config \"Default Web Site\" -section:system.webServer/tracing/traceFailedRequests "
                        + "\"/[path='*'].failureDefinitions.statusCodes:502\" /commit:apphost");
        assertThat(trace.fix().get(1).argv()).containsExactly("set", "config", "Default Web Site",
                "-section:system.webServer/tracing/traceFailedRequests", "/+[path='*']", "/commit:apphost");
        assertThat(trace.rollback()).extracting(s -> s.display()).containsExactly(
                "%windir%\\system32\\inetsrv\\appcmd.exe set config \"Default Web Site\" -section:system.webServer/tracing/traceFailedRequests \"/-[path='*']\" /commit:apphost");
        assertThat(trace.notes()).anySatisfy(n -> assertThat(n).contains("maxLogFiles (default 50)"));
        assertThat(trace.fix().get(1).powershell()).startsWith("& \"$env:windir\\system32\\inetsrv\\appcmd.exe\" set config");
        assertThat(trace.refusal()).isNotNull(); // printed to paste: --apply does not run it

        Diagnosis healthy = Diagnoser.diagnose(new Scenario().lines(300, "/a", 200, 0, 0, 30).evidence(dir.resolve("h")), DiagnosisOptions.defaults());
        assertThat(RemediationPlanner.plan(healthy, ev)).isEmpty();
    }
}
