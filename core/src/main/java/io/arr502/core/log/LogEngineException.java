package io.arr502.core.log;

/** An input that cannot be read at all (missing folder, permission denied). The message is one line. */
public class LogEngineException extends Exception {
    private static final long serialVersionUID = 1L;

    public LogEngineException(String message) {
        super(message);
    }

    public LogEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
