package io.arr502.core.remediation;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The two shells a printed command is written for, and how an argument is quoted in each so that it
 * reaches the program as one argument, unchanged. Values that no quoting makes safe are refused
 * ({@link UnsafeValueException}) rather than printed.
 *
 * <p>cmd.exe: inside double quotes {@code & | < > ^ ( )} are literal, but {@code %VAR%} is expanded
 * even there and a {@code "} ends the quoting, so neither may appear; appcmd then splits its command
 * line by the C runtime rules (backslashes are literal except before a quote, so trailing ones are
 * doubled inside quotes). PowerShell: a single-quoted string is literal except {@code '}, written
 * {@code ''}; Windows PowerShell 5.1 passes an argument with a space to a program wrapped in double
 * quotes without escaping embedded quotes or a trailing backslash, so those are refused as well.
 * Non-ASCII is refused: the console code page would change it.</p>
 */
public enum Shell {
    CMD, POWERSHELL;

    /** Characters that need no quoting in either shell. */
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_./:\\\\]+");
    /** cmd's line limit (8191 characters), for the whole command. */
    static final int MAX_LINE = 8191;

    static final String CMD_APPCMD = "%windir%\\system32\\inetsrv\\appcmd.exe";
    static final String PS_APPCMD = "& \"$env:windir\\system32\\inetsrv\\appcmd.exe\"";

    /** Throws when {@code value} cannot be passed through both shells unchanged. */
    static void check(String what, String value) {
        if (value == null) {
            throw new UnsafeValueException(what + " is missing");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new UnsafeValueException(what + " '" + printable(value) + "' contains a control or non-ASCII character");
            }
            if (c == '"' || c == '%' || c == '!') {
                throw new UnsafeValueException(what + " '" + printable(value) + "' contains " + c
                        + (c == '%' ? " (cmd.exe expands %VAR% even inside quotes)" : c == '!' ? " (cmd.exe expands !VAR! with delayed expansion)"
                        : " (it would end the quoting)"));
            }
        }
        if (value.endsWith("\\")) {
            throw new UnsafeValueException(what + " '" + value + "' ends with a backslash (it would escape the closing quote)");
        }
    }

    /** The argument as typed in this shell. */
    String quote(String arg) {
        check("argument", arg);
        // a leading '-' is kept bare only for cmd: PowerShell may split "-name.value" into two arguments
        if (!arg.isEmpty() && BARE.matcher(arg.replace("-", this == CMD ? "_" : "-")).matches()) {
            return arg;
        }
        return switch (this) {
            case CMD -> "\"" + arg + "\"";
            case POWERSHELL -> "'" + arg.replace("'", "''") + "'";
        };
    }

    /** appcmd with these arguments, as pasted into this shell. */
    String appcmdLine(List<String> args) {
        StringBuilder b = new StringBuilder(this == CMD ? CMD_APPCMD : PS_APPCMD);
        for (String a : args) {
            b.append(' ').append(quote(a));
        }
        if (b.length() > MAX_LINE) {
            throw new UnsafeValueException("the command is " + b.length() + " characters, longer than cmd.exe accepts (" + MAX_LINE + ")");
        }
        return b.toString();
    }

    /** A command line for this shell: a fixed program and options, with each value quoted. */
    String line(String program, List<String> args) {
        StringBuilder b = new StringBuilder(program);
        for (String a : args) {
            b.append(' ').append(quote(a));
        }
        return b.toString();
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return b.length() > 80 ? b.substring(0, 80) + "…" : b.toString();
    }
}
