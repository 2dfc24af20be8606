package io.arr502.core.remediation;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a printed command line back the way each shell and the program would, to prove an argument
 * arrives unchanged. cmd.exe (interactive): {@code "} toggles quoting; outside quotes {@code ^} escapes
 * the next character and {@code & | < >} end the command; {@code %NAME%} is expanded everywhere
 * (so any {@code %} but the one program prefix counts as a break-out); a line break ends the command.
 * The program then splits its command line by the C runtime rules (CommandLineToArgvW: 2n backslashes
 * before a quote are n and the quote toggles, 2n+1 are n and a literal quote; {@code ""} inside quotes
 * is a quote). PowerShell: each argument must be one single-quoted string ({@code ''} is a quote) or a
 * bare word of {@code [A-Za-z0-9_./:\\-]} not starting with {@code -}; anything else may be an
 * expression, a variable, a sub-expression or a statement separator and counts as a break-out.
 * Windows PowerShell 5.1 then hands a native program each argument with whitespace wrapped in double
 * quotes, as is, and the program splits that line by the C runtime rules.
 */
final class ShellParsers {
    private ShellParsers() {
    }

    /** Thrown when text escapes its argument. */
    static final class BreakOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BreakOut(String m) {
            super(m);
        }
    }

    /** The arguments appcmd receives from this cmd line (the program token dropped). */
    static List<String> cmd(String line, String program) {
        if (!line.startsWith(program + " ")) {
            throw new BreakOut("does not start with " + program);
        }
        String rest = line.substring(program.length());
        StringBuilder after = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '\n' || c == '\r' || c == '%') {
                throw new BreakOut("cmd.exe sees " + (c == '%' ? "a variable" : "a line break") + " at " + i);
            }
            if (c == '"') {
                quoted = !quoted;
                after.append(c);
            } else if (!quoted && c == '^') {
                if (++i < rest.length()) {
                    after.append(rest.charAt(i));
                }
            } else if (!quoted && (c == '&' || c == '|' || c == '<' || c == '>')) {
                throw new BreakOut("cmd.exe sees " + c + " outside quotes at " + i);
            } else {
                after.append(c);
            }
        }
        return crt(after.toString());
    }

    /** CommandLineToArgvW / msvcrt splitting of a program's command line (after the program name). */
    static List<String> crt(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            StringBuilder a = new StringBuilder();
            boolean quoted = false;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\\') {
                    int k = i;
                    while (k < n && s.charAt(k) == '\\') {
                        k++;
                    }
                    int count = k - i;
                    if (k < n && s.charAt(k) == '"') {
                        a.append("\\".repeat(count / 2));
                        if (count % 2 == 1) {
                            a.append('"');
                            i = k + 1;
                        } else {
                            i = k;
                        }
                    } else {
                        a.append("\\".repeat(count));
                        i = k;
                    }
                } else if (c == '"') {
                    if (quoted && i + 1 < n && s.charAt(i + 1) == '"') {
                        a.append('"');
                        i += 2;
                    } else {
                        quoted = !quoted;
                        i++;
                    }
                } else if (!quoted && (c == ' ' || c == '\t')) {
                    break;
                } else {
                    a.append(c);
                    i++;
                }
            }
            out.add(a.toString());
        }
    }

    /** The arguments a native program receives from this PowerShell line (program token dropped). */
    static List<String> powershell(String line, String program) {
        if (!line.startsWith(program + " ")) {
            throw new BreakOut("does not start with " + program);
        }
        String rest = line.substring(program.length());
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            StringBuilder v = new StringBuilder();
            if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201a' || c == '\u201b') {
                i++;
                while (true) {
                    if (i >= rest.length()) {
                        throw new BreakOut("unterminated single quote");
                    }
                    char q = rest.charAt(i);
                    if (q == '\'' || q == '\u2018' || q == '\u2019' || q == '\u201a' || q == '\u201b') {
                        if (i + 1 < rest.length() && isSingle(rest.charAt(i + 1))) {
                            v.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    v.append(q);
                    i++;
                }
                if (i < rest.length() && rest.charAt(i) != ' ') {
                    throw new BreakOut("text right after a quoted string at " + i);
                }
            } else {
                if (c == '-') {
                    throw new BreakOut("a bare word starting with - is a parameter to PowerShell");
                }
                while (i < rest.length() && rest.charAt(i) != ' ') {
                    char b = rest.charAt(i);
                    if (!(Character.isLetterOrDigit(b) && b < 0x80) && "_./:\\-".indexOf(b) < 0) {
                        throw new BreakOut("PowerShell treats " + b + " in a bare word specially at " + i);
                    }
                    v.append(b);
                    i++;
                }
            }
            values.add(v.toString());
        }
        // Windows PowerShell 5.1's native command line: arguments with whitespace in double quotes, as is
        StringBuilder native_ = new StringBuilder();
        for (String v : values) {
            native_.append(' ').append(v.isEmpty() || v.contains(" ") || v.contains("\t") ? "\"" + v + "\"" : v);
        }
        return crt(native_.toString());
    }

    private static boolean isSingle(char c) {
        return c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201a' || c == '\u201b';
    }
}
