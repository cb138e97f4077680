package org.dip4j.tasks.blend.baseline;

import org.dip4j.api.Image;
import org.dip4j.api.InvalidInputException;

/** Checks that a foreground, a background and a mask fit together. */
final class BlendInputsCheck {
    private BlendInputsCheck() {}

    static void check(Image fg, Image bg, Image mask) {
        if (!fg.sameShape(bg)) {
            throw new InvalidInputException("foreground " + fg.shape() + " and background " + bg.shape()
                    + " must have the same shape; align and crop them first");
        }
        if (mask.channels() != 1 || mask.height() != fg.height() || mask.width() != fg.width()) {
            throw new InvalidInputException("mask " + mask.shape() + " must be 1×" + fg.height() + "×" + fg.width()
                    + " to match the foreground");
        }
    }

    /** The mask as booleans, a pixel being foreground when its value is above 0.5. */
    static boolean[] inside(Image mask) {
        boolean[] in = new boolean[mask.height() * mask.width()];
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                in[y * mask.width() + x] = mask.get(0, y, x) > 0.5;
            }
        }
        return in;
    }
}
