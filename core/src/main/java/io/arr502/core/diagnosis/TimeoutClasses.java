package io.arr502.core.diagnosis;

import io.arr502.core.log.Window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * SLO-based timeout classes: each endpoint group gets the budget its class allows instead of one
 * global timeout. Default: interactive 30 s, report 120 s, batch 300 s.
 */
public record TimeoutClasses(List<TimeoutClass> classes) {

    public record TimeoutClass(String name, Duration timeout) {
    }

    public TimeoutClasses {
        classes = classes.stream().sorted(Comparator.comparing(TimeoutClass::timeout)).toList();
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("at least one timeout class is needed");
        }
    }

    public static TimeoutClasses defaults() {
        return parse("interactive=30s,report=120s,batch=300s");
    }

    /** "interactive=30s,report=120s,batch=300s" */
    public static TimeoutClasses parse(String text) {
        List<TimeoutClass> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("timeout class must be name=duration, not '" + p + "'");
            }
            out.add(new TimeoutClass(p.substring(0, eq).trim(), Window.parseDuration(p.substring(eq + 1))));
        }
        return new TimeoutClasses(out);
    }

    /** The smallest class whose timeout is at least {@code need}; the largest when none is. */
    public TimeoutClass fitting(Duration need) {
        for (TimeoutClass c : classes) {
            if (c.timeout().compareTo(need) >= 0) {
                return c;
            }
        }
        return classes.get(classes.size() - 1);
    }
}
