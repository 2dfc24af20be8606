package io.arr502.core.remediation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** appcmd {@code set config} arguments in the element path notation of "Getting Started with AppCmd.exe". */
final class AppcmdArgs {
    static final String FARMS = "-section:webFarms";
    static final String GLOBAL_RULES = "-section:system.webServer/rewrite/globalRules";
    static final String PROXY = "-section:system.webServer/proxy";
    static final String COMMIT = "/commit:apphost";

    private AppcmdArgs() {
    }

    /** {@code [name='x',a='1']}: the key first, then the other attributes, each value checked for the indexer. */
    static String indexer(String position, Map<String, String> attrs) {
        StringBuilder b = new StringBuilder("[");
        if (position != null) {
            b.append(position).append(',');
        }
        boolean first = true;
        for (Map.Entry<String, String> e : attrs.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            b.append(attribute(e.getKey())).append("='").append(Names.indexed(e.getKey(), e.getValue())).append('\'');
        }
        return b.append(']').toString();
    }

    /** An attribute or element name from the configuration: letters and digits only. */
    static String attribute(String name) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9]{0,63}")) {
            throw new UnsafeValueException("configuration name '" + Shell.printable(String.valueOf(name)) + "' is not an attribute name");
        }
        return name;
    }

    /** {@code /PATH.attr:value}: value checked for both shells. */
    static String set(String path, String attr, String value) {
        Shell.check(attr, value);
        return "/" + path + "." + attribute(attr) + ":" + value;
    }

    static List<String> setConfig(String section, List<String> edits) {
        List<String> a = new ArrayList<>(List.of("set", "config", section));
        a.addAll(edits);
        a.add(COMMIT);
        return a;
    }

    /** IIS configuration writes durations as hh:mm:ss. */
    static String hms(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.US, "%02d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }
}
