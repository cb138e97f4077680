package org.dip4j.api;

import org.apiguardian.api.API;

/**
 * The user gave something we cannot use: a missing or unreadable file, an image of the wrong
 * size, an unknown plugin id, a misspelt configuration key. The message is one line that names
 * the file or key and says how to fix it; the CLI prints it and exits with code 2.
 */
@API(status = API.Status.STABLE, since = "0.1")
public class InvalidInputException extends DipException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
