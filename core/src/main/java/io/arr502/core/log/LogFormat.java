package io.arr502.core.log;

/**
 * What a file's first bytes say about whether it can be a W3C log at all. Checked once per file (never per
 * line), so that a log nothing parses gets its reason instead of a count of malformed lines. IIS writes W3C
 * logs as UTF-8 ({@code u_ex*.log}) or the local code page ({@code ex*.log}), one line per request ending in
 * CRLF, fields separated by single spaces (MicrosoftDocs win32 {@code w3c-logging.md}).
 */
final class LogFormat {
    private LogFormat() {
    }

    /** The reason head cannot start a W3C text log, or null when it may. */
    static String problem(byte[] head) {
        int n = head.length;
        if (n >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            return "UTF-16 text (byte order mark " + (head[0] == (byte) 0xFF ? "FF FE" : "FE FF")
                    + "); IIS writes W3C logs in UTF-8 or the local code page";
        }
        int nul = 0;
        int nulOdd = 0;
        int control = 0;
        boolean cr = false;
        boolean lf = false;
        for (int i = 0; i < n; i++) {
            int c = head[i] & 0xFF;
            if (c == 0) {
                nul++;
                nulOdd += i & 1;
            } else if (c == '\n') {
                lf = true;
            } else if (c == '\r') {
                cr = true;
            } else if ((c < 0x20 && c != '\t') || c == 0x7F) {
                control++;
            }
        }
        if (nul * 3 >= n && n >= 8 && (nulOdd * 10 >= nul * 9 || nulOdd * 10 <= nul)) {
            return "UTF-16 text without a byte order mark (a NUL byte beside each character)";
        }
        if (nul > 0 || control * 20 > n) {
            return "binary data, not a W3C text log";
        }
        if (cr && !lf) {
            return "lines end in CR only (W3C lines end in CRLF)";
        }
        return null;
    }
}
