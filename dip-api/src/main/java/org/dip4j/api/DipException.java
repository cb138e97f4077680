package org.dip4j.api;

import org.apiguardian.api.API;

/** Something went wrong inside dip4j; unchecked so that plugin SPIs stay lambda-friendly. */
@API(status = API.Status.STABLE, since = "0.1")
public class DipException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DipException(String message) {
        super(message);
    }

    public DipException(String message, Throwable cause) {
        super(message, cause);
    }
}
