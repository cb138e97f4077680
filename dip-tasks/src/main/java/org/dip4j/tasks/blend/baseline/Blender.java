package org.dip4j.tasks.blend.baseline;

import org.dip4j.api.Image;

/** A blending method: puts the masked part of a foreground onto a background. */
@FunctionalInterface
public interface Blender {
    /**
     * Blends {@code fg} into {@code bg}.
     *
     * @param fg the foreground, C×H×W in [0, 1], already aligned with {@code bg}
     * @param bg the background, same shape
     * @param mask 1×H×W, 1 where the foreground is wanted and 0 elsewhere
     * @return the blended image, C×H×W in [0, 1]
     */
    Image blend(Image fg, Image bg, Image mask);
}
