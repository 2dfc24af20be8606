package io.arr502.core.remediation;

import io.arr502.core.diagnosis.Cause;

import java.util.List;

/**
 * The fix for one cause. {@code fix} runs in order (the first runnable step takes the backup named
 * {@code backup}); {@code rollback} is the undo of every fix step, last first, as printed — the
 * executor undoes only the steps that ran. {@code checks} must hold in the live configuration before
 * anything runs. {@code refusal}, when set, says why {@code --apply} will not run this plan.
 */
public record RemediationPlan(Cause cause, String title, List<RemediationStep> fix, List<RemediationStep> rollback,
                              List<String> notes, String backup, List<Precondition> checks, String refusal) {

    public RemediationPlan {
        fix = List.copyOf(fix);
        rollback = List.copyOf(rollback);
        notes = List.copyOf(notes);
        checks = List.copyOf(checks);
    }

    /** A plan of checks and manual steps only: nothing for {@code --apply} to run. */
    public RemediationPlan(Cause cause, String title, List<RemediationStep> fix, List<RemediationStep> rollback, List<String> notes) {
        this(cause, title, fix, rollback, notes, null, List.of(), fix.stream().anyMatch(s -> !s.argv().isEmpty())
                ? "the plan has no pre-flight checks and no backup" : "the plan has no configuration change to apply");
    }

    /**
     * The plan as printed in the long output: each step with the shell it is written for, the
     * rollback, and why {@code --apply} would refuse it. Every {@code run}/{@code check} line runs as
     * pasted into the shell it names.
     */
    public List<String> lines() {
        List<String> out = new java.util.ArrayList<>();
        out.add("fix for " + cause + ": " + oneLine(title));
        boolean pipeOrSemicolon = false;
        for (RemediationStep s : fix) {
            String kind = s.manual() != null ? "by hand" + (s.runsOn() != null ? " on " + s.runsOn() : "") : s.argv().isEmpty() ? "check" : "run";
            out.add("  " + kind + (s.manual() != null ? "" : " (" + s.shell() + ")") + ": " + oneLine(s.display()));
            pipeOrSemicolon |= s.display().contains("|") || s.display().contains(";");
        }
        for (RemediationStep s : rollback) {
            out.add("  rollback (" + s.shell() + "): " + s.display());
            pipeOrSemicolon |= s.display().contains("|") || s.display().contains(";");
        }
        if (refusal != null && fix.stream().anyMatch(s -> !s.argv().isEmpty() || s.manual() != null)) {
            out.add("  --apply refuses this plan: " + oneLine(refusal));
        }
        if (pipeOrSemicolon) {
            out.add("  note: Nagios output shows | as /, and Nagios 4 shows ; as : - copy these commands from --format text or json");
        }
        return out;
    }

    /** Text from the evidence (a route, a name) stays on its line. */
    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\x00-\\x1f\\x7f]", "?");
    }
}
