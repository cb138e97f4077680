package org.dip4j.samediff.graph;

import java.util.Locale;
import org.dip4j.api.InvalidInputException;

/** How a convolution pads its input to keep the size: the reference's {@code pad} option. */
public enum Padding {
    REFLECTION,
    ZERO;

    public static Padding parse(String value, String key) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "reflection", "reflect" -> REFLECTION;
            case "zero", "zeros" -> ZERO;
            default -> throw new InvalidInputException(
                    "%s = '%s' is not a padding; use reflection or zero".formatted(key, value));
        };
    }
}
