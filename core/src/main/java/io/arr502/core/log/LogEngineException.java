package io.arr502.core.log;

/**
 * An input the engine cannot read at all (missing folder, unreadable file, unusable state lock).
 * The message is one line, fit for a Nagios UNKNOWN status or a Jenkins log line.
 * Bad lines inside a readable file never raise this: they are counted as malformed.
 */
public class LogEngineException extends Exception {
    public LogEngineException(String oneLineMessage) {
        super(oneLineMessage);
    }

    public LogEngineException(String oneLineMessage, Throwable cause) {
        super(oneLineMessage, cause);
    }
}
