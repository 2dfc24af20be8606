package io.arr502.core.log;

import java.util.Map;

/**
 * One request line as evidence, to find the same request in the backend's own logs: where it is and the
 * fields that matter (date, time, site, server IP, method, URL path, status, substatus, win32 code,
 * time-taken, and ARR's request id when a custom field logs X-ARR-LOG-ID). Not the whole line: the query
 * string, user name, cookies and referer can carry secrets.
 */
public record RequestLine(String file, long lineNumber, Map<String, String> fields) {

    public RequestLine {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    /** "name=value" pairs in log order. */
    public String text() {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }
}
