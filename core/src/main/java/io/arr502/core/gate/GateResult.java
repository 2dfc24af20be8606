package io.arr502.core.gate;

import java.util.List;

/** The gate's outcome: the worst criticality breached (null when none) and one line per breach, with numbers. */
public record GateResult(Criticality worst, List<String> messages) {
    public boolean passed() {
        return worst == null || worst == Criticality.NOTE;
    }
}
