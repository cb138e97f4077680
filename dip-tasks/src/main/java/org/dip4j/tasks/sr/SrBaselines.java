package org.dip4j.tasks.sr;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dip4j.api.Image;
import org.dip4j.api.InvalidInputException;

/**
 * The classical super-resolution baselines: Pillow-exact interpolation of the low-resolution
 * image by an integer factor. {@code bicubic} is the baseline the reference compares DIP with.
 */
public final class SrBaselines {
    private SrBaselines() {}

    /** The method names {@link #upsample} accepts. */
    public static List<String> methods() {
        return Arrays.stream(ResampleFilter.values()).map(ResampleFilter::id).toList();
    }

    /**
     * {@code lr} enlarged {@code factor} times in both directions with {@code method}
     * ({@code nearest}, {@code bilinear}, {@code bicubic} or {@code lanczos}).
     *
     * @throws InvalidInputException for an unknown method or a factor below 1
     */
    public static Image upsample(Image lr, int factor, String method) {
        if (factor < 1) {
            throw new InvalidInputException("super-resolution factor must be a positive integer, got " + factor);
        }
        return PillowResize.resize(lr, lr.width() * factor, lr.height() * factor, filter(method));
    }

    /** The filter called {@code method}; an unknown name lists the known ones. */
    public static ResampleFilter filter(String method) {
        String m = method.trim().toLowerCase(Locale.ROOT);
        for (ResampleFilter f : ResampleFilter.values()) {
            if (f.id().equals(m)) {
                return f;
            }
        }
        throw new InvalidInputException("unknown interpolation method '" + method + "'; use one of " + methods());
    }
}
