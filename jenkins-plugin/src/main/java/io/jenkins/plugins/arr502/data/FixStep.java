package io.jenkins.plugins.arr502.data;

import io.arr502.core.remediation.RemediationStep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of a fix or rollback as the report page shows it: the same command in each shell core wrote
 * it for (cmd, PowerShell; "" when a shell has no form) or the manual text. Each form runs as pasted
 * into the shell it is labelled with; the page copies it verbatim.
 */
public final class FixStep implements Serializable {
    private static final long serialVersionUID = 1L;

    private String description;
    /** "run" (a configuration change), "check" (read-only) or "by hand". */
    private String kind;
    /** The host a manual step is done on, "" when it is the proxy. */
    private String runsOn;
    private String cmd;
    private String powershell;
    private String manual;

    public FixStep(String description, String kind, String runsOn, String cmd, String powershell, String manual) {
        this.description = description;
        this.kind = kind;
        this.runsOn = runsOn;
        this.cmd = cmd;
        this.powershell = powershell;
        this.manual = manual;
        readResolve();
    }

    static FixStep of(RemediationStep s) {
        String kind = s.manual() != null ? "by hand" : s.argv().isEmpty() ? "check" : "run";
        return new FixStep(s.description(), kind, s.runsOn(), s.cmd(), s.powershell(), s.manual());
    }

    /** XStream sets fields directly: fill what old or partial data lacks. */
    Object readResolve() {
        description = description == null ? "" : description;
        kind = kind == null || kind.isBlank() ? "by hand" : kind;
        runsOn = runsOn == null ? "" : runsOn;
        cmd = cmd == null ? "" : cmd;
        powershell = powershell == null ? "" : powershell;
        manual = manual == null ? "" : manual;
        return this;
    }

    public String getDescription() { return description; }
    public String getKind() { return kind; }
    public String getRunsOn() { return runsOn; }
    public String getCmd() { return cmd; }
    public String getPowershell() { return powershell; }
    public String getManual() { return manual; }

    /** The forms to show, each with the shell it runs in: cmd, then PowerShell, else the manual text. Not stored. */
    public List<Form> getForms() {
        List<Form> forms = new ArrayList<>();
        if (!cmd.isEmpty()) {
            forms.add(new Form("cmd", cmd));
        }
        if (!powershell.isEmpty()) {
            forms.add(new Form("PowerShell", powershell));
        }
        if (!manual.isEmpty()) {
            forms.add(new Form("manual", manual));
        }
        return forms;
    }

    /** One block of the page: the shell's name and the text as pasted into it. */
    public static final class Form {
        private final String shell;
        private final String text;

        Form(String shell, String text) {
            this.shell = shell;
            this.text = text;
        }

        public String getShell() { return shell; }
        public String getText() { return text; }
    }
}
