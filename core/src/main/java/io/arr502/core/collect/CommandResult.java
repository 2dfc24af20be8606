package io.arr502.core.collect;

import java.util.List;

/**
 * What one command did. {@code exitCode} is -1 when it did not start or was killed;
 * {@code startFailure} says why it did not start.
 */
public record CommandResult(List<String> argv, int exitCode, String stdout, String stderr, long durationMillis,
                            boolean timedOut, boolean outputTruncated, String startFailure) {

    public boolean ok() {
        return startFailure == null && !timedOut && exitCode == 0;
    }

    /** One line for evidence and logs: "appcmd exited 4 after 120 ms: ERROR ( message:... )". */
    public String oneLine() {
        String name = argv.isEmpty() ? "command" : shortName(argv.get(0));
        if (startFailure != null) {
            return name + " did not start: " + startFailure;
        }
        if (timedOut) {
            return name + " timed out after " + Math.round(durationMillis / 1000.0) + " s";
        }
        String detail = firstLine(stderr.isBlank() ? stdout : stderr);
        return name + " exited " + exitCode + " after " + durationMillis + " ms" + (detail.isEmpty() ? "" : ": " + detail);
    }

    private static String shortName(String exe) {
        int slash = Math.max(exe.lastIndexOf('/'), exe.lastIndexOf('\\'));
        return slash >= 0 ? exe.substring(slash + 1) : exe;
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        t = nl >= 0 ? t.substring(0, nl) : t;
        return t.length() > 200 ? t.substring(0, 200) + "…" : t.strip();
    }
}
