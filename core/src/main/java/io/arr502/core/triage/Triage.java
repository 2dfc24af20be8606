package io.arr502.core.triage;

import io.arr502.core.diagnosis.Diagnosis;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.evidence.EvidenceProblem;
import io.arr502.core.log.LogEngine;
import io.arr502.core.log.LogEngineException;
import io.arr502.core.log.LogRequest;
import io.arr502.core.log.LogSummary;
import io.arr502.core.remediation.RemediationPlan;
import io.arr502.core.verdict.Verdict;
import io.arr502.core.verdict.VerdictBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * collect → evidence → diagnosis → verdict, the one pipeline the check, the Jenkins steps and the
 * periodic checks share. A source that fails becomes an {@link EvidenceProblem}; nothing escapes as
 * an exception.
 */
public final class Triage {
    private Triage() {
    }

    public static Verdict run(TriageRequest req) {
        Evidence ev = gather(req);
        return judge(ev, req);
    }

    public static Evidence gather(TriageRequest req) {
        List<EvidenceProblem> problems = new ArrayList<>();
        LogSummary logs = null;
        if (!req.logs().isEmpty()) {
            try {
                LogRequest lr = new LogRequest(req.logs(), req.window(), req.now(), req.stateFile(), 10, 0);
                logs = LogEngine.analyze(lr);
            } catch (LogEngineException e) {
                problems.add(new EvidenceProblem("logs", e.getMessage(), true));
            } catch (RuntimeException e) {
                problems.add(new EvidenceProblem("logs", "log analysis failed: " + oneLine(e), true));
            }
        }
        EvidenceSources.Extra extra = EvidenceSources.gather(req, problems);
        return new Evidence(logs, extra.freb(), extra.config(), extra.probes(), extra.collected(), List.copyOf(problems));
    }

    public static Verdict judge(Evidence ev, TriageRequest req) {
        Diagnosis diagnosis = null;
        List<RemediationPlan> plans = List.of();
        try {
            diagnosis = Diagnose.diagnose(ev, req.diagnosis());
            plans = Diagnose.plan(diagnosis, ev);
        } catch (RuntimeException e) {
            List<EvidenceProblem> p = new ArrayList<>(ev.problems());
            p.add(new EvidenceProblem("diagnosis", "diagnosis failed: " + oneLine(e), false));
            ev = new Evidence(ev.logs(), ev.freb(), ev.config(), ev.probes(), ev.collected(), List.copyOf(p));
        }
        return VerdictBuilder.build(ev, req.verdict(), diagnosis, plans);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return m.replaceAll("[\\r\\n]+", " ");
    }
}
