package io.arr502.core.log;

/** One request line's fields as offsets into the read buffer; reused for every line (no allocation). */
final class ParsedLine {
    static final long NO_MINUTE = Long.MIN_VALUE;

    long epochMinute;
    int status;
    int substatus;
    long win32;
    long timeTaken;
    int uriFrom;
    int uriTo;
    int siteFrom;
    int siteTo;
    int ipFrom;
    int ipTo;
    String error;
    /** With error set: a 502 line counted anyway, without the value named in error. */
    boolean salvaged;
}
