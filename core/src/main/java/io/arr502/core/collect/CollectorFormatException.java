package io.arr502.core.collect;

/** A collector document that is not what its schema promises; the message is one line. */
public class CollectorFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public CollectorFormatException(String message) {
        super(message);
    }
}
