package io.arr502.core.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses what the check-scripts print: {@code {"schema":"arr502.<name>","schemaVersion":1,"host":…,
 * "collectedAt":…,"data":…}} or, from a collector that failed, {@code {…,"error":"…"}}.
 */
public final class CollectorJson {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Windows PowerShell 5.1's ConvertTo-Json writes DateTime as \/Date(1732456800000)\/ */
    private static final Pattern MS_DATE = Pattern.compile("^/Date\\((-?\\d+)([+-]\\d{4})?\\)/$");

    private CollectorJson() {
    }

    /** A parsed document: its schema name (without "arr502."), host, time and data node. */
    public record Document(String schema, String host, Instant collectedAt, JsonNode data) {
    }

    public static Document parse(String text, String expectedSchema) throws CollectorFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            throw new CollectorFormatException("not JSON: " + e.getOriginalMessage().replaceAll("[\\r\\n]+", " "));
        }
        if (root == null || !root.isObject()) {
            throw new CollectorFormatException("not a collector document (expected a JSON object)");
        }
        String schema = root.path("schema").asText("");
        if (!schema.equals("arr502." + expectedSchema)) {
            throw new CollectorFormatException("schema is '" + schema + "', expected 'arr502." + expectedSchema + "'");
        }
        int version = root.path("schemaVersion").asInt(-1);
        if (version != VERSION) {
            throw new CollectorFormatException("arr502." + expectedSchema + " schemaVersion " + root.path("schemaVersion").asText("(none)")
                    + " is not supported (this build reads " + VERSION + ")");
        }
        if (root.hasNonNull("error")) {
            throw new CollectorFormatException("collector reported: " + root.get("error").asText());
        }
        if (!root.has("data")) {
            throw new CollectorFormatException("arr502." + expectedSchema + " has no data");
        }
        return new Document(expectedSchema, root.path("host").asText(null), time(root.path("collectedAt")), root.get("data"));
    }

    static Instant time(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        String s = n.asText().trim();
        Matcher m = MS_DATE.matcher(s.replace("\\/", "/"));
        if (m.matches()) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return null; // one impossible date is an unknown time, not a bad argument that sinks the whole triage
            }
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** PowerShell writes one object where a list has one element: accept both. */
    static List<JsonNode> list(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull() || n.isMissingNode()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(out::add);
        } else {
            out.add(n);
        }
        return out;
    }

    static List<CollectedEvidence.EventLogEntry> events(JsonNode n) {
        List<CollectedEvidence.EventLogEntry> out = new ArrayList<>();
        for (JsonNode e : list(n)) {
            out.add(new CollectedEvidence.EventLogEntry(time(e.path("time")), e.path("id").asInt(), e.path("provider").asText(null),
                    e.path("level").asText(null), e.path("logName").asText(null), e.path("message").asText("")));
        }
        return out;
    }

    /** Counter paths arrive as Get-Counter writes them (\\arr01\web service(_total)\current connections): drop the machine, keep case-insensitive text. */
    static List<CollectedEvidence.CounterSample> counters(JsonNode samples) {
        List<CollectedEvidence.CounterSample> out = new ArrayList<>();
        for (JsonNode s : list(samples)) {
            // "path" is the English path; a sample the collector could not map back keeps only its local one
            String path = s.hasNonNull("path") ? s.path("path").asText("") : s.path("localPath").asText("");
            if (path.startsWith("\\\\")) {
                int next = path.indexOf('\\', 2);
                path = next > 0 ? path.substring(next) : path;
            }
            JsonNode v = s.path("value");
            if (!v.isNumber()) {
                continue; // a sample PowerShell could not cook
            }
            out.add(new CollectedEvidence.CounterSample(path.toLowerCase(Locale.ROOT), s.path("instance").asText(null), v.asDouble(),
                    time(s.path("timestamp"))));
        }
        return out;
    }

    /** "counters: host language 007 (de-DE), names mapped from Perflib\009; 10 s sampled", or null for an older document. */
    static String counterLanguage(JsonNode data) {
        JsonNode l = data.path("language");
        if (!l.isObject()) {
            return null;
        }
        String lang = l.path("perflibCurrentLanguage").asText("?");
        String ui = l.path("uiCulture").asText("?");
        String how = l.path("namesMapped").asBoolean(false) ? "names mapped from Perflib\\009 to the host's names"
                : "names NOT mapped (English paths tried as written)";
        return "counters: host language " + lang + " (" + ui + "), " + how + "; " + source(data);
    }

    /** What the samples cover: "8 s sampled live" or "3600 s read from the counter log C:\PerfLogs\arr502\arr502.blg (15 s interval)". */
    private static String source(JsonNode data) {
        int span = data.path("spanSeconds").asInt(0);
        String count = data.has("sampleCount") ? ", " + data.path("sampleCount").asInt() + " samples" : "";
        if (data.path("source").asText("").equals("counterLog")) {
            return span + " s read from the counter log " + data.path("counterLog").path("path").asText("?") + " ("
                    + data.path("sampleInterval").asInt(0) + " s interval" + count + ")";
        }
        return span + " s sampled" + (data.has("source") ? " live" + count : "");
    }

    static CollectedEvidence.WinHttpProxy winHttpProxy(JsonNode d) {
        JsonNode arr = d.path("arr");
        return new CollectedEvidence.WinHttpProxy(d.path("direct").asBoolean(false), d.path("proxyServer").asText(null),
                d.path("bypassList").asText(null), d.path("source").asText(null),
                // older documents have no source: the netsh parse, English wording assumed
                d.hasNonNull("source") ? d.path("certain").asBoolean(false) : false,
                blankToNull(arr.path("proxy").asText(null)), blankToNull(arr.path("proxyBypass").asText(null)));
    }

    /** ARR's SecureConnectionIgnoreFlags from the winhttp-proxy document; null when older collectors did not read it or it could not be read. */
    static CollectedEvidence.ArrIgnoreFlags arrIgnoreFlags(JsonNode d) {
        JsonNode s = d.path("arrSecureConnection");
        if (!s.path("read").asBoolean(false)) {
            return null; // not collected, or access denied (a problem line of its own)
        }
        if (s.path("present").asBoolean(false) && !s.path("flags").canConvertToLong()) {
            return null; // not a DWORD: the collector said so, and what ARR makes of it is undocumented
        }
        return new CollectedEvidence.ArrIgnoreFlags(s.path("present").asBoolean(false) ? s.path("flags").asLong() : null,
                s.path("key").asText("HKLM\\SOFTWARE\\Microsoft\\IIS Extensions\\Application Request Routing\\Parameters"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static Map<String, String> sections(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }
}
