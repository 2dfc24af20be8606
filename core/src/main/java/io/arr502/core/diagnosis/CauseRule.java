package io.arr502.core.diagnosis;

import java.util.List;

/**
 * One cause's rule: reads the evidence and proposes findings with the numbers behind them. Rules do not
 * rank, merge or filter; {@link Diagnoser} does that for all of them alike. New causes are new rules,
 * registered in {@link io.arr502.core.diagnosis.rules.CauseRules}.
 */
public interface CauseRule {
    List<Candidate> evaluate(DiagnosisInput in);
}
