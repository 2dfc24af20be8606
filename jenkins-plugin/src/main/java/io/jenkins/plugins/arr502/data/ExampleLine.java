package io.jenkins.plugins.arr502.data;

import io.arr502.core.log.RequestLine;

import java.io.Serializable;

/** A raw 502.3 line as core keeps it (file, line number and its evidence fields, no query string or cookies). */
public final class ExampleLine implements Serializable {
    private static final long serialVersionUID = 1L;

    private String file;
    private long lineNumber;
    private String text;

    public ExampleLine(String file, long lineNumber, String text) {
        this.file = file;
        this.lineNumber = lineNumber;
        this.text = text;
        readResolve();
    }

    static ExampleLine of(RequestLine l) {
        return new ExampleLine(l.file(), l.lineNumber(), l.text());
    }

    /** XStream sets fields directly: fill what old or partial data lacks. */
    Object readResolve() {
        file = file == null ? "" : file;
        text = text == null ? "" : text;
        return this;
    }

    public String getFile() { return file; }
    public long getLineNumber() { return lineNumber; }
    public String getText() { return text; }
}
