package io.arr502.core.remediation;

import io.arr502.core.collect.CommandResult;
import io.arr502.core.collect.CommandRunner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a plan: fix steps in order; at the first failing step, or when verification fails after
 * all steps, the rollback runs. Every step and its outcome goes to the log sink.
 */
public final class RemediationExecutor {
    private RemediationExecutor() {
    }

    /** The outcome: applied and verified, or rolled back (with why). */
    public record Outcome(boolean applied, boolean rolledBack, String reason, List<String> log) {
    }

    public static Outcome apply(RemediationPlan plan, StepRunner runner, BooleanSupplier verify, Consumer<String> sink) {
        List<String> log = new ArrayList<>();
        Consumer<String> out = line -> {
            log.add(line);
            sink.accept(line);
        };
        out.accept("plan: " + plan.title());
        for (RemediationStep step : plan.fix()) {
            if (step.argv().isEmpty()) {
                out.accept("skip (manual check): " + step.display());
                continue;
            }
            out.accept("run: " + step.display());
            CommandResult r = runner.run(step);
            out.accept("  -> " + r.oneLine());
            if (!r.ok()) {
                rollback(plan, runner, out);
                return new Outcome(false, true, "step failed: " + r.oneLine(), List.copyOf(log));
            }
        }
        out.accept("verify: waiting for the recovery window");
        boolean ok;
        try {
            ok = verify.getAsBoolean();
        } catch (RuntimeException e) {
            out.accept("verification failed to run: " + e.getMessage());
            ok = false;
        }
        if (!ok) {
            out.accept("verification failed: rolling back");
            rollback(plan, runner, out);
            return new Outcome(false, true, "verification failed", List.copyOf(log));
        }
        out.accept("verified: the fix stays");
        return new Outcome(true, false, "applied and verified", List.copyOf(log));
    }

    private static void rollback(RemediationPlan plan, StepRunner runner, Consumer<String> out) {
        for (RemediationStep step : plan.rollback()) {
            if (step.argv().isEmpty()) {
                out.accept("rollback (manual): " + step.display());
                continue;
            }
            out.accept("rollback: " + step.display());
            out.accept("  -> " + runner.run(step).oneLine());
        }
    }

    /**
     * The real runner: expands {@code %windir%}-style variables from the environment, optionally
     * replaces appcmd (a stand-in in tests, or another path), and runs through {@link CommandRunner}.
     */
    public static StepRunner commands(CommandRunner runner, Path appcmdOverride) {
        Map<String, String> env = new HashMap<>();
        System.getenv().forEach((k, v) -> env.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return step -> {
            List<String> argv = new ArrayList<>(step.argv());
            String exe = argv.get(0);
            if (appcmdOverride != null && exe.toLowerCase(java.util.Locale.ROOT).endsWith("appcmd.exe")) {
                argv.set(0, appcmdOverride.toString());
            } else {
                argv.set(0, expand(exe, env));
            }
            return runner.run(argv, null, Map.of());
        };
    }

    private static final Pattern VAR = Pattern.compile("%([A-Za-z_][A-Za-z0-9_]*)%");

    static String expand(String s, Map<String, String> env) {
        Matcher m = VAR.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = env.get(m.group(1).toLowerCase(java.util.Locale.ROOT));
            m.appendReplacement(b, Matcher.quoteReplacement(v != null ? v : m.group(0)));
        }
        m.appendTail(b);
        return b.toString();
    }
}
