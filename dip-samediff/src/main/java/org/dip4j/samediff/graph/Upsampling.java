package org.dip4j.samediff.graph;

import java.util.Locale;
import org.dip4j.api.InvalidInputException;

/** ×2 upsampling mode: nearest neighbour, or bilinear as PyTorch's {@code align_corners=False}. */
public enum Upsampling {
    NEAREST,
    BILINEAR;

    public static Upsampling parse(String value, String key) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "nearest" -> NEAREST;
            case "bilinear" -> BILINEAR;
            default -> throw new InvalidInputException(
                    "%s = '%s' is not an upsampling mode; use nearest or bilinear".formatted(key, value));
        };
    }
}
