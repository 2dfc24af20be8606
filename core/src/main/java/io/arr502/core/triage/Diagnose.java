package io.arr502.core.triage;

import io.arr502.core.diagnosis.Diagnosis;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.remediation.RemediationPlan;

import java.util.List;

/** Where triage calls the diagnosis and remediation engines. */
final class Diagnose {
    private Diagnose() {
    }

    static Diagnosis diagnose(Evidence ev, io.arr502.core.diagnosis.DiagnosisOptions opt) {
        return io.arr502.core.diagnosis.Diagnoser.diagnose(ev, opt);
    }

    static List<RemediationPlan> plan(Diagnosis d, Evidence ev) {
        return io.arr502.core.remediation.RemediationPlanner.plan(d, ev);
    }
}
