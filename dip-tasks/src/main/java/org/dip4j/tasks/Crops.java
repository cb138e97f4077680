package org.dip4j.tasks;

import org.dip4j.api.Image;
import org.dip4j.api.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crops every task applies alike: {@code crop-multiple} (the reference's {@code dim_div_by},
 * so every level of the network halves evenly) and {@code crop-size} (0 = off, else a centred
 * square that must itself be a multiple). A crop that changes an image's size is logged.
 */
public final class Crops {
    private static final Logger LOG = LoggerFactory.getLogger(Crops.class);

    private Crops() {}

    /** Checks {@code crop-multiple} and {@code crop-size} under {@code key} (e.g. "dip.tasks.denoise."). */
    public static void check(String key, int size, int multiple) {
        if (multiple < 1) {
            throw new InvalidInputException(key + "crop-multiple must be at least 1, got " + multiple);
        }
        if (size < 0) {
            throw new InvalidInputException(key + "crop-size must be 0 (no crop) or positive, got " + size);
        }
        if (size % multiple != 0) {
            int lower = size / multiple * multiple;
            throw new InvalidInputException("%scrop-size %d must be a multiple of %scrop-multiple %d: use %s%d"
                    .formatted(key, size, key, multiple, lower > 0 ? lower + " or " : "", lower + multiple));
        }
    }

    /** {@code image} cropped to multiples of {@code multiple}; says so when its size changes. */
    public static Image toMultiple(String key, String what, Image image, int multiple) {
        Image out;
        try {
            out = image.cropToMultipleOf(multiple);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("%s is %d×%d, smaller than %scrop-multiple %d; use a larger image"
                    .formatted(what, image.width(), image.height(), key, multiple), e);
        }
        if (out != image) {
            LOG.info("{} is {}×{}: cropped to {}×{}, multiples of {}crop-multiple {}", what, image.width(),
                    image.height(), out.width(), out.height(), key, multiple);
        }
        return out;
    }

    /** The centred {@code size}² square of {@code image}, or the image itself when {@code size} is 0. */
    public static Image centre(String key, String what, Image image, int size) {
        if (size == 0) {
            return image;
        }
        if (size > image.height() || size > image.width()) {
            throw new InvalidInputException("%scrop-size %d is larger than %s (%d×%d)".formatted(key, size, what,
                    image.width(), image.height()));
        }
        return image.centreCrop(size, size);
    }
}
