package io.arr502.core.remediation;

import java.util.regex.Pattern;

/**
 * What arr502 accepts as a farm, rule or server name before it writes one into a command. A farm name
 * is also the host of the rewrite URL ({@code https://appFarm/{R:0}}), so it must be a host name; a
 * server address is a DNS name or an IPv4/IPv6 address. Anything else is refused, not quoted.
 */
final class Names {
    private static final Pattern FARM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,126}");
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,126}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,252}[A-Za-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private Names() {
    }

    static String farm(String name) {
        if (name == null || !FARM.matcher(name).matches()) {
            throw new UnsafeValueException("farm name '" + Shell.printable(String.valueOf(name)) + "' is not a host name (letters, digits, . _ -)");
        }
        return name;
    }

    static String rule(String name) {
        if (name == null || !RULE.matcher(name).matches() || name.endsWith(" ")) {
            throw new UnsafeValueException("rule name '" + Shell.printable(String.valueOf(name)) + "' has characters other than letters, digits, space, . _ -");
        }
        return name;
    }

    static String host(String address) {
        if (address == null || !(HOST.matcher(address).matches() || (address.contains(":") && IPV6.matcher(address).matches()))) {
            throw new UnsafeValueException("server address '" + Shell.printable(String.valueOf(address)) + "' is not a host name or IP address");
        }
        return address;
    }

    /** A value inside an appcmd collection indexer {@code [key='value']}: no quote or bracket may end it early. */
    static String indexed(String what, String value) {
        Shell.check(what, value);
        if (value.contains("'") || value.contains("[") || value.contains("]")) {
            throw new UnsafeValueException(what + " '" + value + "' contains ' [ or ], which would end appcmd's [key='value'] early");
        }
        return value;
    }
}
