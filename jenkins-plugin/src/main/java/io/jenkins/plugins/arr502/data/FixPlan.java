package io.jenkins.plugins.arr502.data;

import io.arr502.core.remediation.RemediationPlan;
import io.arr502.core.remediation.RemediationStep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A cause's fix as the report page shows it: the fix steps in order and the rollback (core's undo of
 * every fix step, last first: the per-step undo is not stored twice), the plan's notes, the backup the
 * first change takes and why {@code remediate --apply} would refuse the plan.
 */
public final class FixPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    private String cause;
    private String title;
    private List<FixStep> fix;
    private List<FixStep> rollback;
    private List<String> notes;
    /** The backup's name, "" when the plan changes nothing. */
    private String backup;
    /** Why --apply refuses the plan, "" when it would run it. */
    private String refusal;

    public FixPlan(String cause, String title, List<FixStep> fix, List<FixStep> rollback, List<String> notes, String backup,
                   String refusal) {
        this.cause = cause;
        this.title = title;
        this.fix = fix == null ? null : new ArrayList<>(fix);
        this.rollback = rollback == null ? null : new ArrayList<>(rollback);
        this.notes = notes == null ? null : new ArrayList<>(notes);
        this.backup = backup;
        this.refusal = refusal;
        readResolve();
    }

    static FixPlan of(RemediationPlan p) {
        List<FixStep> fix = new ArrayList<>();
        for (RemediationStep s : p.fix()) {
            fix.add(FixStep.of(s));
        }
        List<FixStep> rollback = new ArrayList<>();
        for (RemediationStep s : p.rollback()) {
            rollback.add(FixStep.of(s));
        }
        return new FixPlan(String.valueOf(p.cause()), p.title(), fix, rollback, p.notes(), p.backup(), p.refusal());
    }

    /** XStream sets fields directly: fill what old or partial data lacks. */
    Object readResolve() {
        cause = cause == null ? "" : cause;
        title = title == null ? "" : title;
        fix = fix == null ? new ArrayList<>() : fix;
        rollback = rollback == null ? new ArrayList<>() : rollback;
        notes = notes == null ? new ArrayList<>() : notes;
        backup = backup == null ? "" : backup;
        refusal = refusal == null ? "" : refusal;
        return this;
    }

    public String getCause() { return cause; }
    public String getTitle() { return title; }
    public List<FixStep> getFix() { return List.copyOf(fix); }
    public List<FixStep> getRollback() { return List.copyOf(rollback); }
    public List<String> getNotes() { return List.copyOf(notes); }
    public String getBackup() { return backup; }
    public String getRefusal() { return refusal; }
}
