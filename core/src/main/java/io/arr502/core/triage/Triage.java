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
                LogRequest lr = new LogRequest(req.scope().inputs(req.logs()), req.window(), req.now(), req.stateFile(), 10, 0, req.readDeadline(),
                        req.scope().routeFilter());
                logs = LogEngine.analyze(lr);
                if (logs.unreadBytes() > 0) {
                    // a verdict on part of the logs would lie; the state (if any) keeps the place for the next run
                    problems.add(new EvidenceProblem("logs", backlog(logs, req.stateFile() != null), true));
                }
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

    static String backlog(LogSummary logs, boolean stateful) {
        return String.format(java.util.Locale.US, "still reading the log backlog: %s read in the time allowed, %s left; %s",
                megabytes(logs.bytesRead()), megabytes(logs.unreadBytes()),
                stateful ? "the next run continues where this one stopped"
                        : "without a state file every run starts over: allow more time or keep state");
    }

    private static String megabytes(long bytes) {
        double mb = bytes / 1048576.0;
        return mb < 10 ? String.format(java.util.Locale.US, "%.1f MB", mb) : String.format(java.util.Locale.US, "%,d MB", (long) mb);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return m.replaceAll("[\\r\\n]+", " ");
    }
}
