package io.arr502.core.freb;

/** A trace or folder that cannot be read; the message is one line. */
public class FrebException extends Exception {
    private static final long serialVersionUID = 1L;

    public FrebException(String message) {
        super(message);
    }
}
