package io.arr502.core.diagnosis.rules;

import io.arr502.core.collect.CollectedEvidence.EventLogEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.arr502.core.diagnosis.DiagnosisInput.oneLine;

/**
 * Server, farm and reason of ARR's event 1000, from the one documented message: "Server &lt;server name&gt; in server
 * farm &lt;server farm name&gt; is being marked unhealthy due to &lt;reason&gt;." (TechNet ff872129). A message that does
 * not have that shape (another language, another version) is left to the verbatim event lines.
 */
final class UnhealthyServers {
    private static final Pattern MESSAGE = Pattern.compile(
            "^\\s*Server (\\S+) in server farm (.+?) is being marked unhealthy due to (.+?)\\.?\\s*$", Pattern.DOTALL);

    private UnhealthyServers() {
    }

    /** One "server in farm F ×n (reason …)" per server, most events first; empty when no message has the shape. */
    static List<String> lines(List<EventLogEntry> events) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        Map<String, java.time.Instant> newest = new LinkedHashMap<>();
        for (EventLogEntry e : events) {
            Matcher m = e.message() == null ? null : MESSAGE.matcher(e.message());
            if (m == null || !m.matches()) {
                continue;
            }
            String key = m.group(1) + " in farm " + oneLine(m.group(2));
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            java.time.Instant t = e.time() == null ? java.time.Instant.MIN : e.time();
            if (!newest.containsKey(key) || !t.isBefore(newest.get(key))) { // the newest event's reason
                newest.put(key, t);
                reasons.put(key, oneLine(m.group(3)));
            }
        }
        List<String> out = new ArrayList<>();
        counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(5)
                .forEach(en -> out.add(String.format(Locale.US, "%s ×%d (last reason: %s)", en.getKey(), en.getValue()[0],
                        reasons.get(en.getKey()))));
        return out;
    }
}
