package org.dip4j.api;

import org.apiguardian.api.API;

/** A configuration names a plugin id that no jar on the classpath provides. */
@API(status = API.Status.STABLE, since = "0.1")
public class UnknownPluginException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public UnknownPluginException(String message) {
        super(message);
    }
}
