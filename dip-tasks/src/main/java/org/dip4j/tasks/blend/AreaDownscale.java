package org.dip4j.tasks.blend;

import org.dip4j.api.Image;

/** Downscaling by an integer factor: each output pixel is the mean of a factor × factor block. */
final class AreaDownscale {
    private AreaDownscale() {}

    /** The image reduced {@code factor} times; its sides must be multiples of the factor. */
    static Image apply(Image image, int factor) {
        if (factor == 1) {
            return image;
        }
        int h = image.height() / factor;
        int w = image.width() / factor;
        return Image.generate(image.channels(), h, w, (c, y, x) -> {
            double s = 0;
            for (int dy = 0; dy < factor; dy++) {
                for (int dx = 0; dx < factor; dx++) {
                    s += image.get(c, y * factor + dy, x * factor + dx);
                }
            }
            return s / (factor * factor);
        });
    }
}
