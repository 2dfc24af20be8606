package io.arr502.core.config;

/** A configuration source that cannot be read; the message is one line. */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
