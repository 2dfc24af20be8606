package io.arr502.core.log;

/** A skipped line, kept as evidence: where it was and why (never the whole raw line, which may be huge). */
public record MalformedLine(String file, long lineNumber, String reason) {
}
