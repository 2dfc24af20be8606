package io.arr502.core.remediation;

import java.util.List;

/**
 * One step of a plan. A runnable step is an appcmd call: {@code argv} holds appcmd's arguments (the
 * executor runs them without any shell), {@code cmd} and {@code powershell} the same call as pasted
 * into each shell. A check is a command for one shell that {@code --apply} does not run (argv empty).
 * A manual step has only {@code manual}: something to do by hand, because it runs on another host
 * ({@code runsOn}) or needs a value the evidence lacks. {@code undo} reverses a runnable step; the
 * rollback runs the undo of exactly the steps that ran, in reverse.
 */
public record RemediationStep(String description, String runsOn, List<String> argv, String cmd, String powershell,
                              String manual, RemediationStep undo) {

    public RemediationStep {
        argv = List.copyOf(argv);
    }

    /** The line to show when one line is shown: cmd's form, else PowerShell's, else the manual text. */
    public String display() {
        return cmd != null ? cmd : powershell != null ? powershell : manual;
    }

    /** Which shell {@link #display()} is written for ("cmd", "PowerShell"), or "manual". */
    public String shell() {
        return cmd != null ? "cmd" : powershell != null ? "PowerShell" : "manual";
    }

    static RemediationStep appcmd(String description, RemediationStep undo, List<String> args) {
        return new RemediationStep(description, null, args, Shell.CMD.appcmdLine(args), Shell.POWERSHELL.appcmdLine(args), null, undo);
    }

    /** A read-only appcmd call shown for both shells, not run by {@code --apply}. */
    static RemediationStep appcmdCheck(String description, List<String> args) {
        return new RemediationStep(description, null, List.of(), Shell.CMD.appcmdLine(args), Shell.POWERSHELL.appcmdLine(args), null, null);
    }

    static RemediationStep powershellCheck(String description, String line) {
        return new RemediationStep(description, null, List.of(), null, line, null, null);
    }

    static RemediationStep cmdCheck(String description, String line, String powershellLine) {
        return new RemediationStep(description, null, List.of(), line, powershellLine, null, null);
    }

    static RemediationStep manual(String description, String runsOn, String text) {
        return new RemediationStep(description, runsOn, List.of(), null, null, text, null);
    }
}
