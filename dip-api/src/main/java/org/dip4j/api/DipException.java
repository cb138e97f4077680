package org.dip4j.api;

/** Something went wrong inside dip4j; unchecked so that plugin SPIs stay lambda-friendly. */
public class DipException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DipException(String message) {
        super(message);
    }

    public DipException(String message, Throwable cause) {
        super(message, cause);
    }
}
