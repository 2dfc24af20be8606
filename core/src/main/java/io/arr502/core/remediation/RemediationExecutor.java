package io.arr502.core.remediation;

import io.arr502.core.collect.CommandResult;
import io.arr502.core.config.ArrConfig;
import io.arr502.core.config.ConfigException;
import io.arr502.core.verify.VerificationResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a plan so that it never harms a live configuration:
 * <ol>
 * <li>refuses a plan with a refusal, a step for another host, or no pre-flight checks;</li>
 * <li>reads the live configuration (appcmd) and refuses when a name to create exists, the source farm is
 * missing, or what the plan was computed from changed since the diagnosis;</li>
 * <li>takes the backup (the plan's first step), then runs each step with its own time budget;</li>
 * <li>at a failed step undoes exactly the steps that ran, last first; after the last step re-reads the
 * live configuration and verifies against it; a verification that fails or has no evidence rolls back;</li>
 * <li>after a rollback compares the live configuration with the one before the change and restores the
 * backup (appcmd restore backup) when they differ or an undo failed.</li>
 * </ol>
 * Every step and outcome goes to the {@link Journal}.
 */
public final class RemediationExecutor {
    private RemediationExecutor() {
    }

    /** Judges the change against the live configuration read after the last step. */
    @FunctionalInterface
    public interface Verification {
        VerificationResult verify(ArrConfig live);
    }

    public enum Result { APPLIED, REFUSED, ROLLED_BACK, RESTORED_FROM_BACKUP, NEEDS_MANUAL_RESTORE }

    /** What happened, why, and where the backup is (null when none was taken). */
    public record Outcome(Result result, String reason, List<String> log, String backup, VerificationResult verification) {
        public boolean applied() {
            return result == Result.APPLIED;
        }

        public boolean rolledBack() {
            return result == Result.ROLLED_BACK || result == Result.RESTORED_FROM_BACKUP;
        }
    }

    public static Outcome apply(RemediationPlan plan, StepRunner appcmd, Duration stepBudget, Verification verify, Journal j) {
        j.add("plan: " + plan.title());
        String refusal = refusal(plan);
        if (refusal != null) {
            return done(j, Result.REFUSED, "refused: " + refusal, null, null);
        }
        ArrConfig before;
        try {
            before = LiveConfig.read(appcmd, stepBudget);
        } catch (ConfigException | RuntimeException e) {
            return done(j, Result.REFUSED, "refused: " + e.getMessage(), null, null);
        }
        for (Precondition c : plan.checks()) {
            String v = c.violation(before.xml());
            if (v != null) {
                return done(j, Result.REFUSED, "refused: " + v, null, null);
            }
            j.add("pre-flight ok: " + c.describe());
        }
        String beforeDigest = ConfigDigest.ofAll(before.xml());
        List<RemediationStep> ran = new ArrayList<>();
        String backup = null;
        for (RemediationStep step : plan.fix()) {
            if (step.argv().isEmpty()) {
                j.add("skip (not run by --apply): " + step.description());
                continue;
            }
            j.add("run: " + step.cmd());
            CommandResult r = appcmd.run(step.argv(), stepBudget);
            j.add("  -> " + r.oneLine());
            if (!r.ok()) {
                if (ran.isEmpty() && backup == null) {
                    return done(j, Result.REFUSED, "refused: the first step failed, nothing was changed: " + r.oneLine(), null, null);
                }
                return rollback(plan, appcmd, stepBudget, ran, backup, beforeDigest, j, "step failed: " + r.oneLine(), null);
            }
            if (step.argv().size() >= 2 && step.argv().get(0).equals("add") && step.argv().get(1).equals("backup")) {
                backup = step.argv().get(2);
                j.add("backup: " + backup + " (%windir%\\system32\\inetsrv\\backup\\" + backup + ")");
            } else {
                ran.add(step);
            }
        }
        ArrConfig after;
        try {
            after = LiveConfig.read(appcmd, stepBudget);
        } catch (ConfigException | RuntimeException e) {
            return rollback(plan, appcmd, stepBudget, ran, backup, beforeDigest, j, "cannot re-read the live configuration: " + e.getMessage(), null);
        }
        j.add("verify: against the live configuration, waiting for the recovery window");
        VerificationResult v;
        try {
            v = verify.verify(after);
        } catch (RuntimeException e) {
            v = VerificationResult.unknown("verification failed to run: " + e.getMessage(), 0, List.of());
        }
        for (String h : v.history()) {
            j.add("  poll " + h);
        }
        if (!v.passed()) {
            String why = (v.outcome() == VerificationResult.Outcome.UNKNOWN ? "no evidence to verify: " : "verification failed: ") + v.failedCriterion();
            return rollback(plan, appcmd, stepBudget, ran, backup, beforeDigest, j, why, v);
        }
        return done(j, Result.APPLIED, "applied and verified", backup, v);
    }

    /** Why this plan must not run, or null. */
    static String refusal(RemediationPlan plan) {
        if (plan.refusal() != null) {
            return plan.refusal();
        }
        for (RemediationStep s : plan.fix()) {
            if (s.runsOn() != null) {
                return "step '" + s.description() + "' runs on " + s.runsOn() + ", not on this server; do it there by hand";
            }
        }
        if (plan.fix().stream().noneMatch(s -> !s.argv().isEmpty())) {
            return "the plan has no configuration change to apply";
        }
        if (plan.checks().isEmpty() || plan.backup() == null) {
            return "the plan has no pre-flight checks or no backup";
        }
        List<String> first = plan.fix().stream().filter(s -> !s.argv().isEmpty()).findFirst().orElseThrow().argv();
        if (!first.equals(List.of("add", "backup", plan.backup()))) {
            return "the plan's first command is not its backup";
        }
        return null;
    }

    private static Outcome rollback(RemediationPlan plan, StepRunner appcmd, Duration budget, List<RemediationStep> ran, String backup,
                                    String beforeDigest, Journal j, String why, VerificationResult v) {
        j.add("rolling back " + ran.size() + " step(s) that ran, last first: " + why);
        boolean undone = true;
        for (int i = ran.size() - 1; i >= 0 && undone; i--) {
            RemediationStep u = ran.get(i).undo();
            if (u == null) {
                j.add("rollback: nothing to undo for '" + ran.get(i).description() + "' (the undo of an earlier step covers it)");
                continue;
            }
            j.add("rollback: " + u.cmd());
            CommandResult r = appcmd.run(u.argv(), budget);
            j.add("  -> " + r.oneLine());
            undone = r.ok();
        }
        String check;
        if (!undone) {
            check = "an undo step failed";
        } else {
            try {
                check = ConfigDigest.ofAll(LiveConfig.read(appcmd, budget).xml()).equals(beforeDigest) ? null
                        : "the live configuration differs from the one before the change";
            } catch (ConfigException | RuntimeException e) {
                check = "cannot re-read the live configuration: " + e.getMessage();
            }
        }
        if (check == null) {
            j.add("rollback complete: the live configuration equals the one before the change");
            return done(j, Result.ROLLED_BACK, "rolled back (" + why + ")", backup, v);
        }
        j.add("rollback incomplete: " + check + "; last resort: restore the backup");
        if (backup == null) {
            return done(j, Result.NEEDS_MANUAL_RESTORE, "rollback incomplete (" + check + ") and no backup was taken: fix by hand (" + why + ")", null, v);
        }
        List<String> restore = List.of("restore", "backup", backup);
        j.add("run: " + Shell.CMD.appcmdLine(restore) + " (stops IIS while it restores)");
        CommandResult r = appcmd.run(restore, budget.multipliedBy(3));
        j.add("  -> " + r.oneLine());
        if (r.ok()) {
            return done(j, Result.RESTORED_FROM_BACKUP, "restored backup " + backup + " (" + why + "; " + check + ")", backup, v);
        }
        return done(j, Result.NEEDS_MANUAL_RESTORE, "restore of backup " + backup + " failed: run " + Shell.CMD.appcmdLine(restore)
                + " by hand (" + why + ")", backup, v);
    }

    private static Outcome done(Journal j, Result result, String reason, String backup, VerificationResult v) {
        j.add("outcome: " + result + " - " + reason + (backup == null ? "" : "; backup " + backup));
        if (j.file() != null) {
            j.add("journal: " + j.file());
        }
        return new Outcome(result, reason, j.lines(), backup, v);
    }
}
