package io.arr502.core.remediation;

/** A value from the evidence that arr502 will not put into a command; the plan becomes a manual note. */
public class UnsafeValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnsafeValueException(String message) {
        super(message);
    }
}
