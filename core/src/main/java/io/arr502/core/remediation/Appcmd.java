package io.arr502.core.remediation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds appcmd steps: the argv the runner executes and the line an engineer would type. */
final class Appcmd {
    static final String EXE = "%windir%\\system32\\inetsrv\\appcmd.exe";

    private Appcmd() {
    }

    static RemediationStep step(String description, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(EXE);
        argv.addAll(List.of(args));
        StringBuilder display = new StringBuilder("appcmd");
        for (String a : args) {
            display.append(' ').append(needsQuotes(a) ? "\"" + a + "\"" : a);
        }
        return new RemediationStep(description, List.copyOf(argv), display.toString());
    }

    /** cmd.exe would eat ^ and split on spaces, & | < >; appcmd's own docs quote bracketed paths. */
    static boolean needsQuotes(String a) {
        return !a.contains("\"") && a.chars().anyMatch(c -> c == ' ' || c == '^' || c == '&' || c == '|' || c == '<' || c == '>' || c == '[');
    }

    static RemediationStep command(String description, String exe, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(exe);
        argv.addAll(List.of(args));
        return new RemediationStep(description, List.copyOf(argv), String.join(" ", argv));
    }

    /** A step that is only shown (diagnostics, PowerShell one-liners): argv is empty, so --apply skips it. */
    static RemediationStep show(String description, String display) {
        return new RemediationStep(description, List.of(), display);
    }

    /** IIS configuration writes durations as hh:mm:ss. */
    static String hms(Duration d) {
        long s = d.toSeconds();
        return String.format(java.util.Locale.US, "%02d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }
}
