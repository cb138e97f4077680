package org.dip4j.api;

/** A configuration names a plugin id that no jar on the classpath provides. */
public class UnknownPluginException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public UnknownPluginException(String message) {
        super(message);
    }
}
