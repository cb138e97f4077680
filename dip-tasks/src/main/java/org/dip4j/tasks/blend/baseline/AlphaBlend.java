package org.dip4j.tasks.blend.baseline;

import org.dip4j.api.Image;

/**
 * Hard compositing, {@code out = m·fg + (1 − m)·bg} with m ∈ {0, 1} (the mask thresholded at
 * 0.5). This is also the "hard composite" the other methods are compared with.
 */
public final class AlphaBlend implements Blender {
    @Override
    public Image blend(Image fg, Image bg, Image mask) {
        BlendInputsCheck.check(fg, bg, mask);
        boolean[] in = BlendInputsCheck.inside(mask);
        int w = fg.width();
        return Image.generate(fg.channels(), fg.height(), w,
                (c, y, x) -> in[y * w + x] ? fg.get(c, y, x) : bg.get(c, y, x));
    }
}
